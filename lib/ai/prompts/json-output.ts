/**
 * Appended by `generateJson` after the caller's system blocks. It is a constant, so it never
 * disturbs the cached prefix in front of it.
 */
export const JSON_ONLY_FORMAT = `Output format: reply with exactly one JSON value that matches the requested shape and nothing else.
No prose before or after it, no markdown, no code fences, no comments. Follow the shape described in the instructions exactly, and never invent values the input does not support.`;
