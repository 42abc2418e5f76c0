/**
 * Ticket notes (§5): `GET|POST /service/tickets/{id}/notes`, `/notes/count`, `/notes/{noteId}`,
 * and the read-only `allNotes`. A note needs at least one of the three display flags, else CW's
 * 400 "Please choose where to display the notes…". The author is the API member unless the body
 * names one.
 *
 * Newlines: the real API documents that `\n` / `\r` in JSON bodies become a single space (§2.2
 * escaping table). The simulator keeps them, because FlowPilot's notes are markdown; a client
 * that must survive the real flattening should not rely on newlines for meaning.
 */
import { SIM_API_MEMBER } from "./credentials";
import type { Handler } from "./context";
import { ALL_NOTE_SPEC, NOTE_SPEC } from "./field-specs";
import { created, invalidObject, notFound, objectBody, ok } from "./http";
import { answerCount, answerList, listSource } from "./list-query";
import { asRef, findMember, refLabel } from "./references";
import { cwNow, type NoteRecord, type SimState } from "./state";
import { requireTicket, touchTicket } from "./ticket-rules";
import { assertListAllowed } from "./traps";

type NoteInput = {
  text: string;
  detailDescriptionFlag?: boolean;
  internalAnalysisFlag?: boolean;
  resolutionFlag?: boolean;
  issueFlag?: boolean;
  customerUpdatedFlag?: boolean;
  processNotifications?: boolean;
  memberId?: number;
};

/** Stores a note (flags already checked) and stamps author and date. */
export function addNote(state: SimState, ticketId: number, input: NoteInput): NoteRecord {
  const member = state.members.find((candidate) => candidate.id === input.memberId);
  const note: NoteRecord = {
    id: state.nextIds.note++,
    ticketId,
    text: input.text,
    detailDescriptionFlag: input.detailDescriptionFlag ?? false,
    internalAnalysisFlag: input.internalAnalysisFlag ?? false,
    resolutionFlag: input.resolutionFlag ?? false,
    issueFlag: input.issueFlag ?? false,
    customerUpdatedFlag: input.customerUpdatedFlag ?? false,
    processNotifications: input.processNotifications ?? true,
    memberId: member?.id ?? SIM_API_MEMBER.id,
    dateCreated: cwNow(),
    createdBy: member?.identifier ?? SIM_API_MEMBER.identifier,
  };
  state.notes.push(note);
  return note;
}

const ticketNotes = (state: SimState, ticketId: number) => state.notes.filter((note) => note.ticketId === ticketId);

export const listNotes: Handler = (request, params, context) => {
  assertListAllowed(context.traps, "notes");
  const ticket = requireTicket(context, params[0]);
  return answerList(request, ticketNotes(context.state, ticket.id).map(context.serialize.note), NOTE_SPEC);
};

export const countNotes: Handler = (request, params, context) => {
  assertListAllowed(context.traps, "notes");
  const ticket = requireTicket(context, params[0]);
  return answerCount(ticketNotes(context.state, ticket.id).map(context.serialize.note), NOTE_SPEC, listSource(request));
};

export const getNote: Handler = (_request, params, context) => {
  assertListAllowed(context.traps, "notes");
  const ticket = requireTicket(context, params[0]);
  const note = ticketNotes(context.state, ticket.id).find((candidate) => String(candidate.id) === params[1]);
  if (!note) throw notFound(`Service Note ${params[1]} not found`);
  return ok(context.serialize.note(note));
};

export const listAllNotes: Handler = (request, params, context) => {
  assertListAllowed(context.traps, "notes");
  const ticket = requireTicket(context, params[0]);
  return answerList(request, ticketNotes(context.state, ticket.id).map((note) => context.serialize.allNote(note, ticket)), ALL_NOTE_SPEC);
};

export const createNote: Handler = (request, params, context) => {
  const ticket = requireTicket(context, params[0]);
  const body = objectBody(request.body, "serviceNote");
  const flag = (name: string) => body[name] === true;
  if (!flag("detailDescriptionFlag") && !flag("internalAnalysisFlag") && !flag("resolutionFlag")) {
    throw invalidObject("serviceNote", [{ code: "InvalidObject", message: "Please choose where to display the notes in order to save this record.", field: "detailDescriptionFlag" }]);
  }
  if (typeof body.text !== "string" || !body.text.trim()) throw invalidObject("serviceNote", [{ code: "NullOrEmpty", message: "The text field is required.", field: "text" }]);
  let memberId: number | undefined;
  if (body.member) {
    const member = findMember(context.state, asRef(body.member));
    if (!member) throw invalidObject("serviceNote", [{ code: "NotFound", message: `Member ${refLabel(asRef(body.member))} not found`, field: "member" }]);
    memberId = member.id;
  }
  const note = addNote(context.state, ticket.id, {
    text: body.text,
    detailDescriptionFlag: flag("detailDescriptionFlag"),
    internalAnalysisFlag: flag("internalAnalysisFlag"),
    resolutionFlag: flag("resolutionFlag"),
    issueFlag: flag("issueFlag"),
    customerUpdatedFlag: flag("customerUpdatedFlag"),
    processNotifications: body.processNotifications !== false,
    memberId,
  });
  touchTicket(ticket);
  return created(context.serialize.note(note));
};
