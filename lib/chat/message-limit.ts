/** The longest chat message the server takes (pilot and script builder); the composer counts against it. */
export const CHAT_MESSAGE_MAX_LENGTH = 20_000;

/** The refusal past the limit, as the server words it and the composer shows it. */
export const CHAT_MESSAGE_TOO_LONG = `Keep a message to ${CHAT_MESSAGE_MAX_LENGTH.toLocaleString("en-US")} characters or fewer.`;
