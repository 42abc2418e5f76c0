"use server";

import { revalidatePath } from "next/cache";
import { updatePreferences } from "@/lib/accounts/preferences";
import { updatePreferencesInput } from "@/lib/accounts/schemas";
import { retryDelivery, retryDeliveryInput } from "@/lib/notifications/delivery-log";
import { ownerOrAdminAction } from "@/lib/safe-action";

/** Merges the changed preference keys into the account's preferences (owner/admin only, SPEC A3/A5). */
export const updatePreferencesAction = ownerOrAdminAction
  .inputSchema(updatePreferencesInput)
  .action(async ({ parsedInput, ctx }) => {
    const preferences = await updatePreferences(ctx.viewer, parsedInput);
    revalidatePath("/settings");
    return preferences;
  });

/** F9: sends a failed or dead notification delivery again and returns how it went (owner/admin only). */
export const retryDeliveryAction = ownerOrAdminAction
  .inputSchema(retryDeliveryInput)
  .action(async ({ parsedInput, ctx }) => {
    const delivery = await retryDelivery(ctx.viewer, parsedInput.deliveryId);
    revalidatePath("/settings");
    return { status: delivery.status, last_error: delivery.last_error };
  });
