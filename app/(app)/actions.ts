"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { signOutEverywhere } from "@/lib/auth/sign-ins/end-sign-ins";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/bell";
import { signedInAction } from "@/lib/safe-action";

/** Marks one bell notification read; the bell then navigates to its link. */
export const markNotificationReadAction = signedInAction
  .inputSchema(z.object({ notificationId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await markNotificationRead(ctx.viewer, parsedInput.notificationId);
    revalidatePath("/", "layout");
    return { ok: true as const };
  });

/** Marks every unread bell notification of the viewer read. */
export const markAllNotificationsReadAction = signedInAction.action(async ({ ctx }) => {
  await markAllNotificationsRead(ctx.viewer);
  revalidatePath("/", "layout");
  return { ok: true as const };
});

/** Ends this sign-in and returns to the sign-in page (the redirect is a navigation the client follows). */
export const signOutAction = signedInAction.action(async () => {
  await signOut({ redirectTo: "/login" });
});

/** "Sign out everywhere": ends every sign-in of the viewer (other browsers on their next click), then this one. */
export const signOutEverywhereAction = signedInAction.action(async ({ ctx }) => {
  await signOutEverywhere(ctx.viewer);
  await signOut({ redirectTo: "/login" });
});
