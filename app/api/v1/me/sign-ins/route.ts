import { z } from "zod";
import { listMySignIns } from "@/lib/auth/sign-ins/list-my-sign-ins";
import { signOutEverywhere } from "@/lib/auth/sign-ins/end-sign-ins";
import { withViewer } from "@/lib/http/with-viewer";

/** My open sign-ins (browsers), the most recently seen first; `current` marks this one. */
export const GET = withViewer("signedIn", z.object({}), (viewer) => listMySignIns(viewer));

/** "Sign out everywhere": ends all my sign-ins, this one too (A1). */
export const DELETE = withViewer("signedIn", z.object({}), (viewer) => signOutEverywhere(viewer));
