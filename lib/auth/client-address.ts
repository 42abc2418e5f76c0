import { isIP } from "node:net";

/** The throttle key of a request whose address can't be told (no header, or not an IP). */
export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = { headers: Pick<Headers, "get"> } | Pick<Headers, "get">;

/**
 * The address a request came from, as the sign-in throttle keys it. Reads the right-most hop of
 * `x-forwarded-for`: the one written by the proxy closest to the app (Next itself writes the
 * socket's address there when no proxy did), so a client can't pick it by sending the header
 * through a proxy that appends. Falls back to `x-real-ip`, then to UNKNOWN_ADDRESS.
 * An IPv6 address counts by its /64, the block one subscriber gets and can rotate within.
 */
export function clientAddress(source: HeaderSource): string {
  const headers = "headers" in source ? source.headers : source;
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1);
  return normalizeAddress(forwarded ?? headers.get("x-real-ip")) ?? UNKNOWN_ADDRESS;
}

/** "203.0.113.7", "203.0.113.7:5123", "::ffff:203.0.113.7" → "203.0.113.7"; IPv6 → "2001:db8:0:1::/64"; else null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  const address = stripPort(raw?.trim() ?? "");
  if (isIP(address) === 4) return address;
  if (isIP(address) !== 6) return null;
  const groups = expandIPv6(address.toLowerCase());
  const mapped = groups.slice(0, 6).join(":") === "0:0:0:0:0:ffff" ? ipv4FromGroups(groups[6]!, groups[7]!) : null;
  return mapped ?? `${groups.slice(0, 4).join(":")}::/64`;
}

/**
 * The address as an owner or a log reads it, without naming one household: an IPv4 address
 * loses its last byte ("203.0.113.x"), an IPv6 one is already its /64.
 */
export function maskAddress(address: string): string {
  return isIP(address) === 4 ? address.replace(/\.\d+$/, ".x") : address;
}

function stripPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4WithPort ? v4WithPort[1]! : address;
}

/** The eight 16-bit groups of a valid IPv6 address, each without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

function ipv4FromGroups(high: string, low: string): string {
  const [h, l] = [parseInt(high, 16), parseInt(low, 16)];
  return [h >> 8, h & 255, l >> 8, l & 255].join(".");
}
