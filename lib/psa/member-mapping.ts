import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { loadPsaProvider, requirePsaProvider } from "@/lib/psa/account-provider";
import type { PsaMember, PsaMemberRef, PsaProvider } from "@/lib/psa/provider";
import { isPsaError } from "@/lib/psa/psa-error";

type StoredMember = { psaMemberId: string | null; psaMemberIdentifier: string | null; psaMemberOverride: boolean };

async function readStoredMember(viewer: Viewer): Promise<StoredMember> {
  const user = await db.user.findFirst({
    where: { id: viewer.userId, accountId: viewer.accountId },
    select: { psaMemberId: true, psaMemberIdentifier: true, psaMemberOverride: true },
  });
  return user ?? { psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false };
}

const refOf = (member: Pick<PsaMember, "id" | "identifier" | "name">): PsaMemberRef => ({ id: member.id, identifier: member.identifier, name: member.name });

/**
 * The active member that is `email`'s person: same email (case-insensitive), else an identifier
 * equal to the email's local part ("jdoe" for jdoe@msp.com). Null when neither matches.
 */
export function matchMemberByEmail(members: readonly PsaMember[], email: string): PsaMember | null {
  const wanted = email.trim().toLowerCase();
  const localPart = wanted.split("@")[0] ?? "";
  const active = members.filter((member) => !member.inactive);
  return (
    active.find((member) => member.email?.trim().toLowerCase() === wanted) ??
    (localPart ? active.find((member) => member.identifier.toLowerCase() === localPart) : undefined) ??
    null
  );
}

/** Matches the viewer among `members` and stores the match (never over an override set meanwhile). */
async function matchAndStore(viewer: Viewer, members: readonly PsaMember[]): Promise<PsaMemberRef | null> {
  const match = matchMemberByEmail(members, viewer.email);
  if (!match) return null;
  await db.user.updateMany({
    where: { id: viewer.userId, accountId: viewer.accountId, psaMemberId: null },
    data: { psaMemberId: match.id, psaMemberIdentifier: match.identifier, psaMemberOverride: false },
  });
  return refOf(match);
}

/**
 * G5 "Mine": the viewer's PSA member. The member stored on the user (an override from Settings, or
 * an earlier match) wins, without asking the PSA; its `name` is then the identifier, since the
 * user row keeps no name. Otherwise the viewer is matched by email, then by identifier = email
 * local part, against `provider.listMembers()`, and the match is stored. Null when no member
 * matches. Throws the provider's PsaError when the member list can't be read (e.g. forbidden).
 */
export async function resolveViewerMember(viewer: Viewer, provider: PsaProvider): Promise<PsaMemberRef | null> {
  const stored = await readStoredMember(viewer);
  if (stored.psaMemberId && stored.psaMemberIdentifier) {
    return { id: stored.psaMemberId, identifier: stored.psaMemberIdentifier, name: stored.psaMemberIdentifier };
  }
  return matchAndStore(viewer, await provider.listMembers());
}

/**
 * Settings → "Your ConnectWise member": sets the viewer's member by hand (it then wins over the
 * email match), or with null clears the override and the stored match, so the next lookup matches
 * by email again. Throws conflict (409) when the account has no PSA connection, invalid (422) when
 * no active member has that id.
 */
export async function setViewerMemberOverride(viewer: Viewer, memberId: string | null): Promise<PsaMemberRef | null> {
  const where = { id: viewer.userId, accountId: viewer.accountId };
  if (memberId === null) {
    await db.user.updateMany({ where, data: { psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false } });
    return null;
  }
  const provider = await requirePsaProvider(viewer.accountId);
  const member = (await provider.listMembers()).find((candidate) => candidate.id === memberId && !candidate.inactive);
  if (!member) throw invalid(`No active ConnectWise member has id ${memberId}; pick one from the list.`);
  await db.user.updateMany({ where, data: { psaMemberId: member.id, psaMemberIdentifier: member.identifier, psaMemberOverride: true } });
  return refOf(member);
}

export type MemberOption = { id: string; identifier: string; name: string; email: string | null };

export type ViewerMemberSetting =
  | { connected: false }
  | {
      connected: true;
      /** Who "Mine" means for the viewer, or null when nobody matched. */
      member: PsaMemberRef | null;
      /** True when set by hand in Settings; false when matched by email or identifier. */
      override: boolean;
      /** Active members to pick from, by name. Empty with `warning` when the PSA refused the list. */
      members: MemberOption[];
      warning: string | null;
    };

/**
 * The viewer's "Your ConnectWise member" setting: the member (matched and stored now when nothing
 * is stored yet), whether it is an override, and the members to choose from. A member list the
 * key may not read degrades to an empty list with the PSA's message as `warning`.
 */
export async function getViewerMemberSetting(viewer: Viewer): Promise<ViewerMemberSetting> {
  const provider = await loadPsaProvider(viewer.accountId);
  if (!provider) return { connected: false };
  const stored = await readStoredMember(viewer);
  const storedRef =
    stored.psaMemberId && stored.psaMemberIdentifier ? { id: stored.psaMemberId, identifier: stored.psaMemberIdentifier, name: stored.psaMemberIdentifier } : null;
  let members: PsaMember[];
  try {
    members = await provider.listMembers();
  } catch (error) {
    if (!isPsaError(error)) throw error;
    const event = error.failure === "forbidden" ? "psa.list_forbidden" : "psa.list_failed";
    console.warn(JSON.stringify({ event, account_id: viewer.accountId, list: "members", message: error.message }));
    return { connected: true, member: storedRef, override: stored.psaMemberOverride, members: [], warning: error.message };
  }
  const options = members
    .filter((member) => !member.inactive)
    .map(({ id, identifier, name, email }) => ({ id, identifier, name, email }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (storedRef) {
    const known = members.find((member) => member.id === storedRef.id);
    return { connected: true, member: known ? refOf(known) : storedRef, override: stored.psaMemberOverride, members: options, warning: null };
  }
  return { connected: true, member: await matchAndStore(viewer, members), override: false, members: options, warning: null };
}
