import { isAllowListed } from "@/lib/net/allow-list";
import { bareHostname, isNonPublicHostLiteral } from "@/lib/net/public-address";

/**
 * The static (no DNS) rules every outbound URL FlowPilot is configured with must pass: https,
 * no user name or password, and not an address or name that is this machine or a private network.
 * Allow-listed test hosts may be http and on loopback. `name` is what the URL is, for the message
 * ("The ConnectWise site"). Returns why the URL is refused, or null.
 */
export function outboundUrlProblem(url: URL, allowHosts: readonly string[], name: string): string | null {
  if (url.username || url.password) return `${name} URL can't contain a user name or password.`;
  const allowListed = isAllowListed(url, allowHosts);
  if (allowListed) return url.protocol === "https:" || url.protocol === "http:" ? null : `${name} URL must start with https://.`;
  if (url.protocol !== "https:") return `${name} URL must start with https://.`;
  if (isNonPublicHostLiteral(url)) {
    return `${name} can't be ${bareHostname(url)}: that is this server or a private network address; use its public host name.`;
  }
  return null;
}
