import type { Tx } from "@/lib/db";

/**
 * B4: bumps the session's state_version inside the caller's transaction, so the write that
 * changes what a generated document would say and the version that keys the preview cache
 * commit together. Returns the new version.
 */
export async function bumpStateVersion(tx: Tx, sessionId: string): Promise<number> {
  const session = await tx.aiSession.update({
    where: { id: sessionId },
    data: { stateVersion: { increment: 1 } },
    select: { stateVersion: true },
  });
  return session.stateVersion;
}
