import { PsaError } from "@/lib/psa/psa-error";

/** A ConnectWise error body (reference §8.1); a 429 says `error` where others say `code`. */
type CwErrorBody = { code?: unknown; error?: unknown; message?: unknown; errors?: unknown };

/** What a request was about, for messages: "Ticket 123", and the security-role area it needs. */
export type RequestSubject = { what?: string; permission?: string };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** ConnectWise's own words from an error body: the message, then the nested errors' messages. */
export function cwMessage(body: string): { code: string | null; message: string | null } {
  let parsed: CwErrorBody;
  try {
    parsed = JSON.parse(body) as CwErrorBody;
  } catch {
    return { code: null, message: text(body.slice(0, 200)) };
  }
  if (!parsed || typeof parsed !== "object") return { code: null, message: null };
  const nested = Array.isArray(parsed.errors)
    ? parsed.errors.map((entry) => text((entry as CwErrorBody | null)?.message)).filter((entry): entry is string => Boolean(entry))
    : [];
  const main = text(parsed.message);
  const message = [main, ...nested.filter((entry) => entry !== main)].filter(Boolean).join(": ") || null;
  return { code: text(parsed.code) ?? text(parsed.error), message };
}

export const formatWait = (ms: number) => (ms >= 1000 ? `${Math.ceil(ms / 1000)} s` : `${ms} ms`);

/**
 * The PsaError for a ConnectWise answer that isn't a success, keeping CW's message:
 * 400 → invalid, 401 → upstream (the keys), 403 → forbidden (with the permission area),
 * 404 → not_found, 429 → upstream with the wait, 3xx/5xx/other → upstream.
 */
export function errorForStatus(status: number, body: string, subject: RequestSubject, extra: { retryAfterMs?: number | null; location?: string } = {}): PsaError {
  const { code, message } = cwMessage(body);
  const said = message ?? code;
  // CW's messages usually end with a period; ours continue the sentence.
  const clause = said?.replace(/[.\s]+$/, "") || null;
  if (status >= 300 && status < 400) {
    const where = extra.location ? ` to ${safeOrigin(extra.location)}` : "";
    return new PsaError("upstream", `ConnectWise answered ${status} with a redirect${where}, which is never followed; check the site URL (cloud sites use the api- host, e.g. api-na.myconnectwise.net).`, status);
  }
  switch (status) {
    case 400:
      return new PsaError("invalid", `ConnectWise refused the request: ${said ?? "400 Bad Request"}`, status);
    case 401:
      return new PsaError("upstream", `ConnectWise refused the API keys (401${clause ? ` ${clause}` : ""}): check the company id, public and private key.`, status);
    case 403: {
      const role = subject.permission ? `; the API member's security role may lack ${subject.permission}` : "; the API member's security role may lack the permission";
      return new PsaError("forbidden", `ConnectWise denied access (403): ${clause ?? "Forbidden"}${role}.`, status);
    }
    case 404:
      return new PsaError("not_found", `ConnectWise: ${message ?? `${subject.what ?? "the record"} not found`}`, status);
    case 429: {
      const ms = extra.retryAfterMs;
      const wait = ms == null ? "in a minute" : ms < 1000 ? "in a moment" : `in ${formatWait(ms)}`;
      return new PsaError("upstream", `ConnectWise is rate-limiting FlowPilot (429)${clause ? `: ${clause}` : ""}. Try again ${wait}.`, status);
    }
    default:
      return new PsaError("upstream", `ConnectWise answered ${status}${said ? `: ${said}` : ""}`, status);
  }
}

function safeOrigin(location: string): string {
  try {
    return new URL(location).origin;
  } catch {
    return "another address";
  }
}
