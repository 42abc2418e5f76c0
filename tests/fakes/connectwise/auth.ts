/**
 * API authentication (reference §1.2, §1.3): `Authorization: Basic base64("company+public:private")`,
 * then the `clientId` header (any non-empty value; required while the trap is on).
 */
import type { SimCredentials } from "./credentials";
import { CwHttpError, header, type SimRequest } from "./http";

export function checkAuth(request: SimRequest, credentials: SimCredentials, requireClientId: boolean) {
  const authorization = header(request.headers, "authorization");
  if (!authorization) throw unauthorized("Authorization has been denied for this request: no credentials were sent.");
  const match = /^Basic\s+(\S+)$/i.exec(authorization);
  if (!match) throw unauthorized("Authorization has been denied for this request: use Basic authentication.");
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const expected = `${credentials.companyId}+${credentials.publicKey}:${credentials.privateKey}`;
  // The company id is matched case-insensitively, keys exactly, as CW does.
  const colon = decoded.indexOf(":");
  const plus = decoded.indexOf("+");
  const valid =
    plus > 0 &&
    colon > plus &&
    decoded.slice(0, plus).toLowerCase() === credentials.companyId.toLowerCase() &&
    decoded.slice(plus) === expected.slice(credentials.companyId.length);
  if (!valid) throw unauthorized("Authorization has been denied for this request: the company, public key or private key is not valid.");
  if (requireClientId && !header(request.headers, "clientid")?.trim()) {
    throw new CwHttpError(403, "Forbidden", "A clientId header is required for all API requests. Register your integration at https://developer.connectwise.com/ClientID to obtain one.");
  }
}

const unauthorized = (message: string) => new CwHttpError(401, "Unauthorized", message);
