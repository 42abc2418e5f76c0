import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import { AppError } from "@/lib/errors";

/** Error types the API names in its body; a mid-stream `error` event carries one without a status. */
const UNAVAILABLE_TYPES = new Set(["rate_limit_error", "overloaded_error", "api_error", "timeout_error"]);

/**
 * Turns an SDK failure into our vocabulary so callers can fall back (E6): anything the model side
 * may recover from (rate limit, 5xx, overload, network, timeout) is "unavailable"; a request the
 * API refuses (bad request, bad key) is "upstream", because retrying it won't help. Anything that
 * isn't an SDK error (a bug of ours, an abort the caller asked for) passes through unchanged.
 */
export function toAppError(error: unknown): unknown {
  if (error instanceof AppError || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new AppError("unavailable", "The AI model took too long to answer. Try again in a moment.");
  }
  if (error instanceof APIConnectionError) {
    return new AppError("unavailable", "The AI service could not be reached. Try again in a moment.");
  }
  if (!(error instanceof APIError)) return error;

  const details = { status: error.status, type: error.type, requestId: error.requestID };
  const status = error.status ?? 0;
  if (status === 429 || error.type === "rate_limit_error") {
    return new AppError("unavailable", "The AI service is rate-limiting FlowPilot right now. Try again in a minute.", details);
  }
  if (status === 529 || error.type === "overloaded_error") {
    return new AppError("unavailable", "The AI service is overloaded right now. Try again in a few minutes.", details);
  }
  if (status >= 500 || status === 408 || (error.type !== null && UNAVAILABLE_TYPES.has(error.type))) {
    return new AppError("unavailable", "The AI service is having an outage. Try again in a few minutes.", details);
  }
  if (status === 401 || status === 403) {
    return new AppError("upstream", "The AI service rejected FlowPilot's API key; an admin should check ANTHROPIC_API_KEY.", details);
  }
  const reason = error.apiMessage ? `: ${error.apiMessage}` : ".";
  return new AppError("upstream", `The AI service refused the request${reason}`, details);
}
