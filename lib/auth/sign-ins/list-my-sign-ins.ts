import type { Viewer } from "@/lib/auth/viewer";
import { describeDevice } from "@/lib/auth/sign-ins/describe-device";
import { db } from "@/lib/db";

export type SignInView = { id: string; device: string; created_at: string; last_seen_at: string; current: boolean };

/** Settings → Security: the viewer's own open sign-ins, the most recently seen first. */
export async function listMySignIns(viewer: Viewer): Promise<{ sign_ins: SignInView[] }> {
  const rows = await db.signIn.findMany({
    where: { accountId: viewer.accountId, userId: viewer.userId },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  return {
    sign_ins: rows.map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent),
      created_at: row.createdAt.toISOString(),
      last_seen_at: row.lastSeenAt.toISOString(),
      current: row.id === viewer.signInId,
    })),
  };
}
