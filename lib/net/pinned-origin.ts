import { isAllowListed } from "@/lib/net/allow-list";
import { abortable } from "@/lib/net/pinned-request";
import { resolvePublicAddress, type LookupAll, type ResolvedAddress } from "@/lib/net/resolve-address";

export type PinnedOriginOptions = {
  allowHosts: readonly string[];
  lookup?: LookupAll;
  urlName?: string;
  publicOnly?: string;
};

/** One origin's checked address, resolved on first use and then reused by every request. */
export type PinnedOrigin = {
  readonly origin: URL;
  /** The checked address; rejects (as `resolvePublicAddress` does) when it can't be used. */
  address(signal: AbortSignal): Promise<ResolvedAddress>;
};

/**
 * Pins `origin` for a connection: the host is resolved and checked once, and that address is what
 * every later request connects to, so a DNS answer that changes later (rebinding) can't redirect
 * the connection. A failed resolution is not cached: the next call tries again.
 */
export function createPinnedOrigin(origin: URL, options: PinnedOriginOptions): PinnedOrigin {
  let pinned: Promise<ResolvedAddress> | null = null;
  const allowListed = isAllowListed(origin, options.allowHosts);
  return {
    origin,
    address(signal) {
      if (!pinned) {
        const attempt = resolvePublicAddress(origin, { ...options, allowListed });
        pinned = attempt;
        attempt.catch(() => {
          if (pinned === attempt) pinned = null;
        });
      }
      return abortable(pinned, signal);
    },
  };
}
