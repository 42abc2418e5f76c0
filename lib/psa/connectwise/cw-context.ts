import type { ConnectWiseOptions } from "@/lib/psa/connectwise/connectwise-options";
import type { CwHttp } from "@/lib/psa/connectwise/cw-http";
import { PsaError } from "@/lib/psa/psa-error";

/** What every ConnectWise operation gets: the request layer, the options and per-instance caches. */
export type CwContext = {
  http: CwHttp;
  options: ConnectWiseOptions;
  /** The service schedule type ("S"), looked up once per provider (ids differ per instance, §7). */
  serviceTypeId?: Promise<number | null>;
};

/** A ConnectWise record id from FlowPilot's text id; not a whole number → PsaError. */
export function cwId(value: string, what: string, failure: "not_found" | "invalid" = "invalid"): number {
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text) || Number(text) <= 0) {
    throw new PsaError(failure, failure === "not_found" ? `ConnectWise: ${what} ${JSON.stringify(value)} not found` : `${what} ids are whole numbers; got ${JSON.stringify(value)}.`);
  }
  return Number(text);
}
