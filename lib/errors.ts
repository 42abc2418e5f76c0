/** The error vocabulary of every service; `lib/http` and the action clients map it to responses. */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
  rate_limited: 429,
  upstream: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** Facts about an error that are safe for the client (ids, states), returned as `error.details`. */
export type PublicDetails = Record<string, string | number | boolean | null>;

export class AppError extends Error {
  /** Returned to the client as `error.details`; `details` stays internal (logs only). */
  publicDetails?: PublicDetails;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const badRequest = (message: string) => new AppError("bad_request", message);
export const unauthenticated = (message = "Sign in to continue.") => new AppError("unauthenticated", message);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
export const conflict = (message: string) => new AppError("conflict", message);
export const invalid = (message: string, details?: unknown) => new AppError("invalid", message, details);
export const rateLimited = (message: string) => new AppError("rate_limited", message);
export const upstream = (message: string) => new AppError("upstream", message);
export const unavailable = (message: string) => new AppError("unavailable", message);

/** Marks `details` as safe to return with `error` (e.g. which PSA post failed, so the page can retry it). */
export function withPublicDetails<E extends AppError>(error: E, details: PublicDetails): E {
  error.publicDetails = details;
  return error;
}
