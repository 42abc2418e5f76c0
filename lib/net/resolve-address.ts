import { lookup } from "node:dns/promises";
import { bareHostname, isPublicAddress } from "@/lib/net/public-address";

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Resolves every address of a host name (the shape of `dns.lookup(host, { all: true })`). */
export type LookupAll = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: LookupAll = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

export type ResolveOptions = {
  /** Allow-listed test hosts may resolve to loopback and private addresses. */
  allowListed: boolean;
  lookup?: LookupAll;
  /** Ends "check the …" in the messages, e.g. "webhook URL". */
  urlName?: string;
  /** Ends the refusal, e.g. "webhooks are only sent to public addresses". */
  publicOnly?: string;
};

/**
 * Resolves `url`'s host and returns the address to connect to. Refuses (throws an Error saying
 * why) when the name doesn't resolve or when any of its addresses is not public, unless the host
 * is allow-listed for tests. Connecting to the returned address (not resolving again) closes the
 * DNS-rebinding gap.
 */
export async function resolvePublicAddress(url: URL, options: ResolveOptions): Promise<ResolvedAddress> {
  const hostname = bareHostname(url);
  const urlName = options.urlName ?? "URL";
  let addresses: ResolvedAddress[];
  try {
    addresses = await (options.lookup ?? systemLookup)(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`Could not resolve ${hostname}${code ? ` (${code})` : ""}; check the ${urlName}.`);
  }
  if (addresses.length === 0) throw new Error(`Could not resolve ${hostname}; check the ${urlName}.`);
  if (!options.allowListed) {
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) {
      const publicOnly = options.publicOnly ?? "outbound requests only go to public addresses";
      throw new Error(`${hostname} resolves to ${refused.address}, a private or reserved address; ${publicOnly}.`);
    }
  }
  return addresses[0]!;
}
