/**
 * Reference lists (§6): boards, a board's statuses, priorities, members, companies, each with
 * conditions, orderBy, fields and paging, `/count`, and get-by-id. `GET /service/statuses` with
 * no board answers `[]` (statuses only make sense per board). Also `/system/info`.
 */
import type { Handler, SimContext } from "./context";
import { BOARD_SPEC, COMPANY_SPEC, MEMBER_SPEC, PRIORITY_SPEC, STATUS_SPEC, type EntitySpec } from "./field-specs";
import { notFound, ok } from "./http";
import { answerCount, answerList, listSource } from "./list-query";
import type { Json } from "./serialize";
import { assertListAllowed, type ForbiddenList } from "./traps";

type Collection = { family: ForbiddenList; spec: EntitySpec; label: string; rows: (context: SimContext, params: string[]) => Json[] };

const boards: Collection = { family: "boards", spec: BOARD_SPEC, label: "Service Board", rows: (context) => context.state.boards.map(context.serialize.board) };
const priorities: Collection = { family: "priorities", spec: PRIORITY_SPEC, label: "Priority", rows: (context) => context.state.priorities.map(context.serialize.priority) };
const members: Collection = { family: "members", spec: MEMBER_SPEC, label: "Member", rows: (context) => context.state.members.map(context.serialize.member) };
const companies: Collection = { family: "companies", spec: COMPANY_SPEC, label: "Company", rows: (context) => context.state.companies.map(context.serialize.company) };
const boardStatuses: Collection = {
  family: "statuses",
  spec: STATUS_SPEC,
  label: "Service Status",
  rows: (context, params) => {
    if (!context.state.boards.some((board) => String(board.id) === params[0])) throw notFound(`Service Board ${params[0]} not found`);
    return context.state.statuses.filter((status) => String(status.boardId) === params[0]).map(context.serialize.status);
  },
};

function listOf(collection: Collection): Handler {
  return (request, params, context) => {
    assertListAllowed(context.traps, collection.family);
    return answerList(request, collection.rows(context, params), collection.spec);
  };
}

function countOf(collection: Collection): Handler {
  return (request, params, context) => {
    assertListAllowed(context.traps, collection.family);
    return answerCount(collection.rows(context, params), collection.spec, listSource(request));
  };
}

/** `…/{id}`: the id is the last path parameter. */
function oneOf(collection: Collection): Handler {
  return (_request, params, context) => {
    assertListAllowed(context.traps, collection.family);
    const id = params.at(-1);
    const row = collection.rows(context, params).find((candidate) => String(candidate.id) === id);
    if (!row) throw notFound(`${collection.label} ${id} not found`);
    return ok(row);
  };
}

export const listBoards = listOf(boards);
export const countBoards = countOf(boards);
export const getBoard = oneOf(boards);
export const listBoardStatuses = listOf(boardStatuses);
export const countBoardStatuses = countOf(boardStatuses);
export const getBoardStatus = oneOf(boardStatuses);
export const listPriorities = listOf(priorities);
export const countPriorities = countOf(priorities);
export const getPriority = oneOf(priorities);
export const listMembers = listOf(members);
export const countMembers = countOf(members);
export const getMember = oneOf(members);
export const listCompanies = listOf(companies);
export const countCompanies = countOf(companies);
export const getCompany = oneOf(companies);

export const listAllStatuses: Handler = (_request, _params, context) => {
  assertListAllowed(context.traps, "statuses");
  return ok([]);
};

export const systemInfo: Handler = () => ok({ version: "v2025.1.10346", isCloud: false, serverTimeZone: "Eastern Standard Time", cloudRegion: "NA", licenseBits: [] });
