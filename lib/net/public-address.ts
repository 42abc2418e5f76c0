import { BlockList, isIP } from "node:net";

// Addresses an outbound request must never reach: the server itself, its network, and anything not unicast-public.
const forbidden = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", incl. the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. cloud metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
] as const) {
  forbidden.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128],
  ["::", 96], // IPv4-compatible (deprecated)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique-local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  forbidden.addSubnet(network, prefix, "ipv6");
}

/** The 16 bytes of an IPv6 address (dotted IPv4 tail allowed), or null when it isn't one. */
function ipv6Bytes(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.split("%")[0]!;
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.flatMap((group) => {
    const value = parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The IPv4 address an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) address carries. */
function embeddedIPv4(address: string): string | null {
  const bytes = ipv6Bytes(address);
  if (!bytes) return null;
  const prefix = bytes.slice(0, 12).join(",");
  const mapped = "0,0,0,0,0,0,0,0,0,0,255,255";
  const nat64 = "0,100,255,155,0,0,0,0,0,0,0,0";
  return prefix === mapped || prefix === nat64 ? bytes.slice(12).join(".") : null;
}

/**
 * True when an outbound request may connect to `address`: a unicast public IPv4 or IPv6 address.
 * Private, loopback, link-local, CGNAT, unique-local, multicast, unspecified, documentation and
 * reserved ranges are refused, including when wrapped in an IPv4-mapped or NAT64 IPv6 address.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !forbidden.check(address, "ipv4");
  if (family !== 6) return false;
  const inner = embeddedIPv4(address);
  if (inner) return isPublicAddress(inner);
  return !forbidden.check(address.split("%")[0]!, "ipv6");
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 literal, DNS and sockets don't want them. */
export const bareHostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * True when a URL's host is an IP literal that `isPublicAddress` refuses, or a name that always
 * means this machine (`localhost`, `*.localhost`). A static check: other names need DNS.
 */
export function isNonPublicHostLiteral(url: URL): boolean {
  const host = bareHostname(url).toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && !isPublicAddress(host);
}
