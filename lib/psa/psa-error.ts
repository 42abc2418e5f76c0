import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * Why a PSA call failed, in FlowPilot's vocabulary:
 * - upstream: the PSA failed, timed out or answered something unusable (502);
 * - rejected: the PSA answered OK but did not do it, e.g. a status kept (502);
 * - not_found: the PSA said 404 (404);
 * - forbidden: the API key lacks a permission (403);
 * - invalid: the PSA refused the input as invalid, 400 (422).
 */
export type PsaFailure = "upstream" | "rejected" | "not_found" | "forbidden" | "invalid";

const codeOf: Record<PsaFailure, ErrorCode> = {
  upstream: "upstream",
  rejected: "upstream",
  not_found: "not_found",
  forbidden: "forbidden",
  invalid: "invalid",
};

/**
 * An AppError raised by a PSA provider. The message keeps the PSA's own words ("ConnectWise
 * answered 403: …") so the person sees the real reason; `psaStatus` is the PSA's HTTP status.
 */
export class PsaError extends AppError {
  constructor(
    readonly failure: PsaFailure,
    message: string,
    readonly psaStatus?: number,
  ) {
    super(codeOf[failure], message);
    this.name = "PsaError";
  }
}

export const isPsaError = (error: unknown): error is PsaError => error instanceof PsaError;
