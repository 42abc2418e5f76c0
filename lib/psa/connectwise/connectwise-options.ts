import type { LookupAll } from "@/lib/net/resolve-address";
import type { PsaClientOptions } from "@/lib/psa/connection-config";
import type { RetrySettings } from "@/lib/psa/connectwise/retry-policy";

/** PsaClientOptions plus ConnectWise test seams; production passes none of these. */
export type ConnectWiseOptions = PsaClientOptions & {
  /** DNS for the site host (tests inject answers such as a private address). */
  lookup?: LookupAll;
  /** Retry tuning; tests shrink the waits. */
  retry?: Partial<RetrySettings>;
  /** Extra trusted CA (PEM) for an https test server. */
  ca?: string;
  /** Pages fetched at most for an "all" list (members, boards, companies); 10 by default. */
  maxListPages?: number;
};
