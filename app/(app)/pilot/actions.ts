"use server";

import { revalidatePath } from "next/cache";
import { createSession } from "@/lib/sessions/create-session";
import { createSessionInput } from "@/lib/sessions/schemas";
import { engineerOrAdminAction } from "@/lib/safe-action";

/** B1: starts a session (optionally ticket-linked, or forked from another); the page then opens it. */
export const createSessionAction = engineerOrAdminAction
  .inputSchema(createSessionInput)
  .action(async ({ parsedInput, ctx }) => {
    const session = await createSession(ctx.viewer, parsedInput);
    revalidatePath("/pilot");
    return { id: session.id };
  });
