import { z } from "zod";
import { readMySecurity } from "@/lib/auth/sign-ins/read-my-security";
import { signOutEverywhere } from "@/lib/auth/sign-ins/end-sign-ins";
import { withViewer } from "@/lib/http/with-viewer";

/** My open sign-ins (browsers), the most recently seen first (`current` marks this one), and whether I have a password. */
export const GET = withViewer("signedIn", z.object({}), (viewer) => readMySecurity(viewer));

/** "Sign out everywhere": ends all my sign-ins, this one too (A1). */
export const DELETE = withViewer("signedIn", z.object({}), (viewer) => signOutEverywhere(viewer));
