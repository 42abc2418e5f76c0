/**
 * `/service/tickets`: list, `/count`, `POST /search` (conditions and orderBy in the body, paging
 * and fields on the query string), get one, and create (§4). PATCH is in ticket-patch.ts.
 */
import { SIM_API_MEMBER } from "./credentials";
import type { Handler, SimContext } from "./context";
import { TICKET_SPEC } from "./field-specs";
import { created, invalidObject, objectBody, ok, type CwFieldError } from "./http";
import { answerCount, answerList, listSource, projectRows } from "./list-query";
import { addNote } from "./notes";
import { asRef, defaultStatusOf, findBoard, findCompany, findMember, findPriority, findStatus, refLabel } from "./references";
import { applyStatus, foreignStatusError, requireTicket } from "./ticket-rules";
import { cwNow, type TicketRecord } from "./state";
import { assertListAllowed } from "./traps";

const allTickets = (context: SimContext) => [...context.state.tickets.values()].map((ticket) => context.serialize.ticket(ticket));

export const listTickets: Handler = (request, _params, context) => {
  assertListAllowed(context.traps, "tickets");
  return answerList(request, allTickets(context), TICKET_SPEC);
};

export const searchTickets: Handler = (request, _params, context) => {
  assertListAllowed(context.traps, "tickets");
  return answerList(request, allTickets(context), TICKET_SPEC, listSource(request, true));
};

export const countTickets: Handler = (request, _params, context) => {
  assertListAllowed(context.traps, "tickets");
  return answerCount(allTickets(context), TICKET_SPEC, listSource(request));
};

export const getTicket: Handler = (request, params, context) => {
  assertListAllowed(context.traps, "tickets");
  const ticket = context.serialize.ticket(requireTicket(context, params[0]));
  return ok(projectRows([ticket], TICKET_SPEC, request.query.get("fields"))[0]);
};

export const createTicket: Handler = (request, _params, context) => {
  const body = objectBody(request.body, "ticket");
  const { state } = context;
  const errors: CwFieldError[] = [];
  const summary = typeof body.summary === "string" ? body.summary.trim() : "";
  if (!summary) errors.push({ code: "NullOrEmpty", message: "The summary field is required.", field: "summary" });
  else if (summary.length > 100) errors.push({ code: "InvalidField", message: "The field summary must be a string with a maximum length of 100.", field: "summary" });

  const company = findCompany(state, asRef(body.company));
  if (!body.company) errors.push({ code: "NullOrEmpty", message: "The company field is required.", field: "company" });
  else if (!company) errors.push({ code: "NotFound", message: `Company ${refLabel(asRef(body.company))} not found`, field: "company" });

  const board = body.board ? findBoard(state, asRef(body.board)) : state.boards.find((candidate) => !candidate.inactiveFlag);
  if (!board) errors.push({ code: "NotFound", message: `Service Board ${refLabel(asRef(body.board))} not found`, field: "board" });
  else if (board.inactiveFlag) errors.push({ code: "InvalidField", message: `Service Board ${board.id} is inactive`, field: "board" });

  const priority = body.priority ? findPriority(state, asRef(body.priority)) : state.priorities.find((candidate) => candidate.defaultFlag);
  if (!priority) errors.push({ code: "NotFound", message: `Priority ${refLabel(asRef(body.priority))} not found`, field: "priority" });

  const owner = body.owner ? findMember(state, asRef(body.owner)) : undefined;
  if (body.owner && !owner) errors.push({ code: "NotFound", message: `Member ${refLabel(asRef(body.owner))} not found`, field: "owner" });
  if (errors.length > 0 || !board) throw invalidObject("ticket", errors);

  // On create the status is always validated against the ticket's board (§4.3): no trap here.
  const status = body.status ? findStatus(state, asRef(body.status), board.id) : defaultStatusOf(state, board.id);
  if (!status || status.boardId !== board.id) throw foreignStatusError(refLabel(asRef(body.status)), board.id);

  const now = cwNow();
  const ticket: TicketRecord = {
    id: state.nextIds.ticket++,
    summary,
    recordType: "ServiceTicket",
    boardId: board.id,
    statusId: status.id,
    companyId: company!.id,
    priorityId: priority!.id,
    ownerId: owner?.id ?? null,
    contactName: typeof body.contactName === "string" ? body.contactName : null,
    severity: "Medium",
    impact: "Medium",
    customerUpdatedFlag: false,
    closedFlag: false,
    closedDate: null,
    closedBy: null,
    dateEntered: now,
    enteredBy: SIM_API_MEMBER.identifier,
    lastUpdated: now,
    updatedBy: SIM_API_MEMBER.identifier,
  };
  applyStatus(ticket, status);
  state.tickets.set(ticket.id, ticket);
  // initial* fields are write-only: they become the first Discussion / Internal / Resolution notes.
  const initial = [
    ["initialDescription", "detailDescriptionFlag"],
    ["initialInternalAnalysis", "internalAnalysisFlag"],
    ["initialResolution", "resolutionFlag"],
  ] as const;
  for (const [field, flag] of initial) {
    const text = body[field];
    if (typeof text === "string" && text.trim()) addNote(state, ticket.id, { text, [flag]: true });
  }
  return created(context.serialize.ticket(ticket));
};
