import { z } from "zod";
import type { EntraRefusal } from "@/lib/auth/entra-refusal";
import { db } from "@/lib/db";
import { acceptInvitationWithEntra } from "@/lib/members/accept-invitation-with-entra";
import { stampSignIn } from "@/lib/members/stamp-sign-in";
import { runInSystemScope } from "@/lib/tenancy/scope";

/** The id token claims FlowPilot reads; Entra may leave any of them out. */
export type EntraClaims = { email?: unknown; preferred_username?: unknown; name?: unknown; tid?: unknown };

export type EntraSignIn = { userId: string } | { refusal: EntraRefusal };

const emailSchema = z.string().trim().toLowerCase().pipe(z.email());

/**
 * The email an Entra id token names, lower-cased: `email` when present, else the UPN in
 * `preferred_username` (Entra omits `email` for accounts without a mailbox). Null when neither
 * is an email address.
 */
export function entraEmail(claims: EntraClaims): string | null {
  for (const candidate of [claims.email, claims.preferred_username]) {
    const parsed = emailSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The directory (tenant) id in a tenant issuer `…/<tenant-id>/v2.0`; null for common/organizations. */
export function issuerTenantId(issuer: string | undefined): string | null {
  const match = issuer?.match(/\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/v2\.0\/?$/i);
  return match ? match[1]!.toLowerCase() : null;
}

const findUserByEmail = (email: string) =>
  runInSystemScope("identity-lookup", () => db.user.findFirst({ where: { email }, select: { id: true, accountId: true, deletedAt: true } }));

/**
 * Maps a Microsoft sign-in onto a FlowPilot user. An active user with the token's email signs in;
 * a removed one is refused; with no user, the newest open invitation for that email is accepted
 * (creating the user with its role, the token's name, no password, `invitation.accepted` in the
 * audit trail); anyone else is refused. With `tenantId` set, a token from another directory is
 * refused too. Stamps the last sign-in on success.
 */
export async function resolveEntraSignIn(claims: EntraClaims, options: { tenantId?: string | null; now?: Date } = {}): Promise<EntraSignIn> {
  const now = options.now ?? new Date();
  if (options.tenantId && String(claims.tid ?? "").toLowerCase() !== options.tenantId) return { refusal: "entra_tenant" };
  const email = entraEmail(claims);
  if (!email) return { refusal: "entra_unknown" };

  const signedIn = async (user: { id: string; accountId: string }): Promise<EntraSignIn> => {
    await stampSignIn(user, now);
    return { userId: user.id };
  };
  const user = await findUserByEmail(email);
  if (user) return user.deletedAt ? { refusal: "entra_removed" } : signedIn(user);

  const name = typeof claims.name === "string" ? claims.name.trim().slice(0, 120) : "";
  const invited = await acceptInvitationWithEntra({ email, name: name || null }, now);
  if (invited) return signedIn(invited);
  // A second tab may have accepted the same invitation a moment ago.
  const raced = await findUserByEmail(email);
  if (raced && !raced.deletedAt) return signedIn(raced);
  return { refusal: "entra_unknown" };
}
