/**
 * When a ConnectWise read is tried again (reference §8.2): on 429 after `Retry-After`, on 5xx
 * after a jittered exponential backoff, never past the attempt cap or the wait ceiling. Writes are
 * never retried: a POST that failed with 500 may still have created the note.
 */

export type RetrySettings = {
  /** Attempts per read, the first included; 3 by default. */
  maxAttempts: number;
  /** Longest single wait FlowPilot accepts; a longer Retry-After fails at once saying when to retry. 10 s by default. */
  maxWaitMs: number;
  /** First backoff step for 5xx (and a 429 without Retry-After); doubles per attempt. 500 ms by default. */
  baseDelayMs: number;
};

export const defaultRetrySettings: RetrySettings = { maxAttempts: 3, maxWaitMs: 10_000, baseDelayMs: 500 };

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, settings: RetrySettings, random = Math.random): number {
  const step = Math.min(settings.baseDelayMs * 2 ** (attempt - 1), settings.maxWaitMs);
  return Math.round(step / 2 + (random() * step) / 2);
}

export type RetryDecision = { retry: true; waitMs: number } | { retry: false; tooLongMs?: number };

/**
 * Whether attempt `attempt` (1-based) of a read that answered `status` is tried again, and after
 * how long. `retryAfterMs` is the parsed Retry-After. A wait over the ceiling is not slept:
 * `tooLongMs` tells the caller to fail saying when to try again.
 */
export function decideRetry(input: { status: number; attempt: number; retryAfterMs: number | null; settings: RetrySettings }): RetryDecision {
  const { status, attempt, retryAfterMs, settings } = input;
  const retryable = status === 429 || status >= 500;
  if (!retryable) return { retry: false };
  if (retryAfterMs !== null && retryAfterMs > settings.maxWaitMs) return { retry: false, tooLongMs: retryAfterMs };
  if (attempt >= settings.maxAttempts) return { retry: false };
  return { retry: true, waitMs: retryAfterMs ?? backoffDelay(attempt, settings) };
}
