"use server";

import { revalidatePath } from "next/cache";
import { listPsaBoardStatuses, listPsaCompanies } from "@/lib/psa/lists";
import {
  addTicketNoteInput,
  boardIdParams,
  changeTicketStatusInput,
  createTicketInput,
  listCompaniesInput,
  ticketIdParams,
  ticketResourceInput,
} from "@/lib/psa/ticket-schemas";
import { changePsaTicketStatus } from "@/lib/psa/tickets/change-ticket-status";
import { createPsaTicket } from "@/lib/psa/tickets/create-ticket";
import { addPsaTicketNote } from "@/lib/psa/tickets/ticket-notes";
import { addPsaTicketResource, removePsaTicketResource } from "@/lib/psa/tickets/ticket-resources";
import { createSession } from "@/lib/sessions/create-session";
import { createSessionInput } from "@/lib/sessions/schemas";
import { engineerOrAdminAction, signedInAction } from "@/lib/safe-action";
import { loadTicketPanel } from "@/app/(app)/tickets/load-ticket-panel";
import { settleList } from "@/app/(app)/tickets/settle-list";

/*
 * The Tickets page's server actions. Reads are for everyone signed in (viewers see tickets);
 * writes are engineer-or-admin. Failures come back as `serverError` with the server's own
 * message (a PSA's words included), never as a thrown error the page can't read.
 */

/** G3: everything the detail panel shows for one ticket. */
export const loadTicketPanelAction = signedInAction
  .inputSchema(ticketIdParams)
  .action(async ({ parsedInput, ctx }) => loadTicketPanel(ctx.viewer, parsedInput.id));

/** The company picker's search (G2, G6). */
export const searchCompaniesAction = signedInAction
  .inputSchema(listCompaniesInput)
  .action(async ({ parsedInput, ctx }) => settleList(() => listPsaCompanies(ctx.viewer, parsedInput.q)));

/** A board's real statuses, for the New ticket dialog's status select. */
export const listBoardStatusesAction = signedInAction
  .inputSchema(boardIdParams)
  .action(async ({ parsedInput, ctx }) => settleList(() => listPsaBoardStatuses(ctx.viewer, parsedInput.id)));

/** G3: moves the ticket, verified; the answer's `new_status_id` is what the select shows. */
export const changeTicketStatusAction = engineerOrAdminAction
  .inputSchema(changeTicketStatusInput)
  .action(async ({ parsedInput, ctx }) => changePsaTicketStatus(ctx.viewer, parsedInput.id, parsedInput.status_id));

/** G7: a note of the chosen kind. */
export const addTicketNoteAction = engineerOrAdminAction
  .inputSchema(addTicketNoteInput)
  .action(async ({ parsedInput, ctx }) => addPsaTicketNote(ctx.viewer, parsedInput.id, { kind: parsedInput.kind, text: parsedInput.text }));

/** G4: assign (owner when unowned, else a co-assignee schedule entry; a no-op when already assigned). */
export const assignTicketMemberAction = engineerOrAdminAction
  .inputSchema(ticketResourceInput)
  .action(async ({ parsedInput, ctx }) => addPsaTicketResource(ctx.viewer, parsedInput.id, parsedInput.member_id));

/** G4: unassign (clears the owner, or deletes the co-assignee's schedule entry). */
export const unassignTicketMemberAction = engineerOrAdminAction
  .inputSchema(ticketResourceInput)
  .action(async ({ parsedInput, ctx }) => removePsaTicketResource(ctx.viewer, parsedInput.id, parsedInput.member_id));

/** G6: a new ticket; the page re-renders so it can show up in the results. */
export const createTicketAction = engineerOrAdminAction.inputSchema(createTicketInput).action(async ({ parsedInput, ctx }) => {
  const ticket = await createPsaTicket(ctx.viewer, parsedInput);
  revalidatePath("/tickets");
  return ticket;
});

const startTicketSessionInput = createSessionInput.pick({ title: true, company_name: true }).extend({ psa_ticket_id: ticketIdParams.shape.id });

/** B1 from a ticket: a pilot session linked to it; the page then opens it. */
export const startTicketSessionAction = engineerOrAdminAction.inputSchema(startTicketSessionInput).action(async ({ parsedInput, ctx }) => {
  const session = await createSession(ctx.viewer, parsedInput);
  revalidatePath("/pilot");
  return { id: session.id };
});
