"use server";

import { revalidatePath } from "next/cache";
import { updatePreferences } from "@/lib/accounts/preferences";
import { updatePreferencesInput } from "@/lib/accounts/schemas";
import { ownerOrAdminAction } from "@/lib/safe-action";

/** Merges the changed preference keys into the account's preferences (owner/admin only, SPEC A3/A5). */
export const updatePreferencesAction = ownerOrAdminAction
  .inputSchema(updatePreferencesInput)
  .action(async ({ parsedInput, ctx }) => {
    const preferences = await updatePreferences(ctx.viewer, parsedInput);
    revalidatePath("/settings");
    return preferences;
  });
