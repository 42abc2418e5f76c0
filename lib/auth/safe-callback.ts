/** Keeps a post-sign-in destination on this site: a local path, never another origin. */
export function safeCallbackPath(value: unknown, fallback = "/pilot"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  try {
    const url = new URL(value, "http://flowpilot.invalid");
    if (url.origin !== "http://flowpilot.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
