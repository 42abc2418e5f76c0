/**
 * The real API's traps, each switchable at runtime (`setTraps`, `POST /_sim/traps`). Gates run
 * in order before a request reaches its handler: delay, rate limit (429 + Retry-After), failNext
 * (5xx); `forbiddenLists` is checked per endpoint family by the router.
 */
import { CwHttpError, type SimResponse } from "./http";

export const FORBIDDEN_LISTS = ["boards", "statuses", "priorities", "members", "companies", "tickets", "notes", "schedule"] as const;
export type ForbiddenList = (typeof FORBIDDEN_LISTS)[number];

export type SimTraps = {
  /** PATCH of a ticket's `resources` answers 200 and changes nothing (true). False: it is applied as schedule entries. */
  resourcesPatchIgnored: boolean;
  /** A PATCHed status from another board: "ignore" answers 200 and keeps the status; "reject" answers 400. */
  patchForeignStatus: "ignore" | "reject";
  /** Endpoint families the key may not read: they answer 403. */
  forbiddenLists: ForbiddenList[];
  /** The next `count` API requests answer 429 with `Retry-After: retryAfterSeconds`. */
  rateLimit: { count: number; retryAfterSeconds: number } | null;
  /** The next `count` API requests answer `status` (500 by default). */
  failNext: { count: number; status: number } | null;
  /** A request without the `clientId` header answers 403. */
  requireClientId: boolean;
  /** Every API answer waits this long first (for client timeouts). */
  delayMs: number;
};

export const defaultTraps = (): SimTraps => ({
  resourcesPatchIgnored: true,
  patchForeignStatus: "ignore",
  forbiddenLists: [],
  rateLimit: null,
  failNext: null,
  requireClientId: true,
  delayMs: 0,
});

/** Merges a partial (from code or the admin API) after checking it; throws on a bad value. */
export function mergeTraps(traps: SimTraps, partial: unknown): void {
  if (!partial || typeof partial !== "object" || Array.isArray(partial)) throw new Error("traps must be an object");
  const input = partial as Record<string, unknown>;
  const known = Object.keys(defaultTraps());
  for (const key of Object.keys(input)) if (!known.includes(key)) throw new Error(`unknown trap '${key}' (known: ${known.join(", ")})`);
  const boolean = (key: "resourcesPatchIgnored" | "requireClientId") => {
    if (input[key] === undefined) return;
    if (typeof input[key] !== "boolean") throw new Error(`${key} must be a boolean`);
    traps[key] = input[key];
  };
  boolean("resourcesPatchIgnored");
  boolean("requireClientId");
  if (input.patchForeignStatus !== undefined) {
    if (input.patchForeignStatus !== "ignore" && input.patchForeignStatus !== "reject") throw new Error('patchForeignStatus must be "ignore" or "reject"');
    traps.patchForeignStatus = input.patchForeignStatus;
  }
  if (input.forbiddenLists !== undefined) {
    const lists = input.forbiddenLists;
    if (!Array.isArray(lists) || !lists.every((list) => FORBIDDEN_LISTS.includes(list as ForbiddenList))) throw new Error(`forbiddenLists must list some of ${FORBIDDEN_LISTS.join(", ")}`);
    traps.forbiddenLists = [...(lists as ForbiddenList[])];
  }
  if (input.rateLimit !== undefined) {
    const value = input.rateLimit as { count?: unknown; retryAfterSeconds?: unknown } | null;
    if (value !== null && (!isCount(value?.count) || (value.retryAfterSeconds !== undefined && !isCount(value.retryAfterSeconds)))) throw new Error("rateLimit must be { count, retryAfterSeconds } or null");
    traps.rateLimit = value === null ? null : { count: value.count as number, retryAfterSeconds: (value.retryAfterSeconds as number | undefined) ?? 30 };
  }
  if (input.failNext !== undefined) {
    const value = input.failNext as { count?: unknown; status?: unknown } | null;
    if (value !== null && (!isCount(value?.count) || (value.status !== undefined && !(Number.isInteger(value.status) && (value.status as number) >= 500 && (value.status as number) <= 599)))) throw new Error("failNext must be { count, status (5xx) } or null");
    traps.failNext = value === null ? null : { count: value.count as number, status: (value.status as number | undefined) ?? 500 };
  }
  if (input.delayMs !== undefined) {
    if (!isCount(input.delayMs)) throw new Error("delayMs must be a non-negative integer");
    traps.delayMs = input.delayMs;
  }
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Rate limit and injected failures, consumed one request at a time; null lets the request through. */
export function takeInjectedFailure(traps: SimTraps): SimResponse | null {
  if (traps.rateLimit && traps.rateLimit.count > 0) {
    traps.rateLimit.count -= 1;
    const seconds = traps.rateLimit.retryAfterSeconds;
    if (traps.rateLimit.count === 0) traps.rateLimit = null;
    // The 429 body is keyed `error`, not `code` (reference §8.1).
    return { status: 429, headers: { "retry-after": String(seconds) }, body: { error: "ConnectWiseAPI", message: `Too many requests. Please try again in ${seconds} seconds.` } };
  }
  if (traps.failNext && traps.failNext.count > 0) {
    traps.failNext.count -= 1;
    const status = traps.failNext.status;
    if (traps.failNext.count === 0) traps.failNext = null;
    return { status, body: { code: "UnexpectedServerError", message: status === 503 ? "The service is temporarily unavailable." : "An error has occurred. Please contact your administrator.", errors: null } };
  }
  return null;
}

const FORBIDDEN_WORDS: Record<ForbiddenList, string> = {
  boards: "Service Boards (Setup Tables)",
  statuses: "Service Board Statuses (Setup Tables)",
  priorities: "Priorities (Setup Tables)",
  members: "Members (System)",
  companies: "Companies (Company Maintenance)",
  tickets: "Service Tickets (Service Desk)",
  notes: "Service Ticket Notes (Service Desk)",
  schedule: "Schedule Entries (Schedule)",
};

/** 403 in CW's words when `family` is in `forbiddenLists`. */
export function assertListAllowed(traps: SimTraps, family: ForbiddenList) {
  if (traps.forbiddenLists.includes(family)) {
    throw new CwHttpError(403, "Forbidden", `You do not have permission to inquire on ${FORBIDDEN_WORDS[family]}. Please contact your administrator to review your security role.`);
  }
}
