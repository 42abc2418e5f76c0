import { env } from "@/lib/env";

/**
 * True when `url`'s host is in `allowHosts` (OUTBOUND_ALLOW_HOSTS): an entry `host` matches any
 * port, `host:port` only that port. Test-only: such URLs may be http and point at loopback.
 */
export function isAllowListed(url: URL, allowHosts: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const hostPort = `${host}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
  return allowHosts.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted === host || wanted === hostPort;
  });
}

/** OUTBOUND_ALLOW_HOSTS, read when asked (tests set it before lib/env is first read). */
export const configuredAllowHosts = (): readonly string[] => env.OUTBOUND_ALLOW_HOSTS;
