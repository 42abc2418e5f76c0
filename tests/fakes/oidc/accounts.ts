import { createHash } from "node:crypto";

/** What the fake's login page collects: who signs in, and whether their token carries `email`. */
export type EntraLogin = { email: string; name?: string; omitEmail?: boolean };

export type EntraClaims = {
  sub: string;
  oid: string;
  tid: string;
  name: string;
  preferred_username: string;
  email?: string;
  ver: "2.0";
};

const digest = (value: string) => createHash("sha256").update(value).digest();

/** An Entra object id: a stable GUID per tenant and user. */
function objectId(tenantId: string, email: string): string {
  const hex = digest(`oid:${tenantId}:${email}`).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** "jamie.junior@x" → "Jamie Junior": Entra always sends a display name. */
function displayNameOf(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(" ");
}

/**
 * The claims Entra puts in a v2.0 id token for this login. `sub` is pairwise (per app), `oid` is
 * the user's object id, `preferred_username` their UPN; `email` is optional in Entra (absent for
 * accounts without a mailbox), so a login may leave it out.
 */
export function claimsFor(login: EntraLogin, options: { tenantId: string; clientId: string }): EntraClaims {
  const email = login.email.trim().toLowerCase();
  const claims: EntraClaims = {
    sub: digest(`sub:${options.clientId}:${options.tenantId}:${email}`).toString("base64url").slice(0, 43),
    oid: objectId(options.tenantId, email),
    tid: options.tenantId,
    name: login.name?.trim() || displayNameOf(email),
    preferred_username: email,
    ver: "2.0",
  };
  if (!login.omitEmail) claims.email = email;
  return claims;
}

/** Accounts that signed in through the login page, by `sub` (oidc-provider's account id). */
export class AccountDirectory {
  readonly #bySub = new Map<string, EntraClaims>();

  constructor(private readonly options: { tenantId: string; clientId: string }) {}

  signIn(login: EntraLogin): EntraClaims {
    const claims = claimsFor(login, this.options);
    this.#bySub.set(claims.sub, claims);
    return claims;
  }

  find(sub: string): EntraClaims | undefined {
    return this.#bySub.get(sub);
  }
}
