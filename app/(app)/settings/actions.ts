"use server";

import { revalidatePath } from "next/cache";
import { updatePreferences } from "@/lib/accounts/preferences";
import { updatePreferencesInput } from "@/lib/accounts/schemas";
import { retryDelivery, retryDeliveryInput } from "@/lib/notifications/delivery-log";
import { listBoardStatusesInput, savePsaConnectionInput, setMemberOverrideInput, setPsaStatusTargetInput } from "@/lib/psa/connection-schemas";
import { deletePsaConnection, savePsaConnection } from "@/lib/psa/connection-service";
import { testPsaConnection } from "@/lib/psa/connection-test";
import { setViewerMemberOverride } from "@/lib/psa/member-mapping";
import { listTargetStatuses, setPsaStatusTarget } from "@/lib/psa/status-targets";
import { ownerOrAdminAction, signedInAction } from "@/lib/safe-action";

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

/** Settings → PSA: creates or replaces the ConnectWise connection; blank keys keep the stored ones (owner/admin). */
export const savePsaConnectionAction = ownerOrAdminAction
  .inputSchema(savePsaConnectionInput)
  .action(async ({ parsedInput, ctx }) => {
    const connection = await savePsaConnection(ctx.viewer, parsedInput);
    revalidatePath("/settings");
    return connection;
  });

/** Settings → PSA: "Test connection"; the result is recorded on the connection and returned (owner/admin). */
export const testPsaConnectionAction = ownerOrAdminAction.action(async ({ ctx }) => {
  const connection = await testPsaConnection(ctx.viewer);
  revalidatePath("/settings");
  return connection;
});

/** Settings → PSA: "Disconnect" (owner/admin). */
export const deletePsaConnectionAction = ownerOrAdminAction.action(async ({ ctx }) => {
  const result = await deletePsaConnection(ctx.viewer);
  revalidatePath("/settings");
  return result;
});

/** Settings → PSA: a board's real statuses for the resolved/escalated pickers (owner/admin). */
export const listTargetStatusesAction = ownerOrAdminAction
  .inputSchema(listBoardStatusesInput)
  .action(async ({ parsedInput, ctx }) => listTargetStatuses(ctx.viewer, parsedInput.board_id));

/** Settings → PSA: saves the resolved or escalated target status, checked against the board (owner/admin). */
export const setPsaStatusTargetAction = ownerOrAdminAction
  .inputSchema(setPsaStatusTargetInput)
  .action(async ({ parsedInput, ctx }) => {
    const target = await setPsaStatusTarget(ctx.viewer, parsedInput);
    revalidatePath("/settings");
    return target;
  });

/** Settings → "Your ConnectWise member": anyone signed in sets (or with null clears) their own override. */
export const setMemberOverrideAction = signedInAction
  .inputSchema(setMemberOverrideInput)
  .action(async ({ parsedInput, ctx }) => {
    const member = await setViewerMemberOverride(ctx.viewer, parsedInput.member_id);
    revalidatePath("/settings");
    return { member };
  });
