import type { Viewer } from "@/lib/auth/viewer";
import { describeDevice } from "@/lib/auth/sign-ins/describe-device";

export type SignInView = { id: string; device: string; created_at: string; last_seen_at: string; current: boolean };

/** The columns a sign-in's view needs, and the order they are listed in: the most recently seen first. */
export const signInViewSelect = { id: true, userAgent: true, createdAt: true, lastSeenAt: true } as const;
export const signInViewOrder = [{ lastSeenAt: "desc" }, { createdAt: "desc" }] as const;

type SignInRow = { id: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

/** One sign-in as Settings → Security and the API show it; `current` marks the viewer's own browser. */
export function signInViewOf(row: SignInRow, viewer: Pick<Viewer, "signInId">): SignInView {
  return {
    id: row.id,
    device: describeDevice(row.userAgent),
    created_at: row.createdAt.toISOString(),
    last_seen_at: row.lastSeenAt.toISOString(),
    current: row.id === viewer.signInId,
  };
}
