"use server";

import { revalidatePath } from "next/cache";
import { listPsaBoards, listPsaCompanies, listPsaPriorities } from "@/lib/psa/lists";
import { getPsaConnectionStatus } from "@/lib/psa/connection-service";
import { listCompaniesInput, spinOffTicketRouteInput } from "@/lib/psa/ticket-schemas";
import { spinOffPsaTicket } from "@/lib/psa/tickets/spin-off-ticket";
import { psaTicketRef } from "@/lib/psa/tickets/ticket-ref";
import { sessionIdParams } from "@/lib/sessions/schemas";
import { engineerOrAdminAction } from "@/lib/safe-action";
import { settleList } from "@/app/(app)/tickets/settle-list";

/*
 * G6 from the pilot page: "Spin off ticket". Separate from actions.ts (the page's other writes) so
 * the PSA pieces stay together. Engineer-or-admin; the service checks the viewer works the session.
 */

/** What the spin-off dialog offers: boards, companies and priorities, each degrading on its own (G5). */
export const loadSpinOffOptionsAction = engineerOrAdminAction.inputSchema(sessionIdParams).action(async ({ ctx }) => {
  const [boards, companies, priorities] = await Promise.all([
    settleList(() => listPsaBoards(ctx.viewer)),
    settleList(() => listPsaCompanies(ctx.viewer)),
    settleList(() => listPsaPriorities(ctx.viewer)),
  ]);
  return { boards: { ...boards, items: boards.items.filter((board) => !board.inactive) }, companies, priorities };
});

/** The dialog's company search. */
export const searchSpinOffCompaniesAction = engineerOrAdminAction
  .inputSchema(listCompaniesInput)
  .action(async ({ parsedInput, ctx }) => settleList(() => listPsaCompanies(ctx.viewer, parsedInput.q)));

/** Creates the ticket from the session and links the session to it; the page re-renders with the link. */
export const spinOffTicketAction = engineerOrAdminAction.inputSchema(spinOffTicketRouteInput).action(async ({ parsedInput, ctx }) => {
  const { id, ...input } = parsedInput;
  const { ticket } = await spinOffPsaTicket(ctx.viewer, id, input);
  const connection = await getPsaConnectionStatus(ctx.viewer);
  revalidatePath(`/pilot/${id}`);
  revalidatePath("/pilot");
  return {
    ticket: { id: ticket.id, summary: ticket.summary, company_name: ticket.company?.name ?? null },
    ref: psaTicketRef(connection?.provider ?? "connectwise", ticket.id),
  };
});
