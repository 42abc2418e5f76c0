import { cond, ConditionValueError, type Condition } from "@/lib/psa/connectwise/conditions";
import { cwId } from "@/lib/psa/connectwise/cw-context";
import type { TicketAssignment, TicketQuery } from "@/lib/psa/provider";
import { PsaError } from "@/lib/psa/psa-error";

/**
 * The ticket is this member's: owner, or one of the `resources` identifiers. `resources` is
 * ", "-joined (§4.1), so the identifier is matched as a whole item, never as a substring of
 * another identifier ("jdoe" must not match "jdoe2").
 */
function memberCondition(member: Extract<TicketAssignment, { kind: "member" }>["member"]): Condition {
  const identifier = member.identifier;
  return cond.or(
    cond.eq("owner/id", cwId(member.id, "Member")),
    identifier && cond.eq("resources", identifier),
    identifier && cond.like("resources", `${identifier}, `, "prefix"),
    identifier && cond.like("resources", `, ${identifier}`, "suffix"),
    identifier && cond.like("resources", `, ${identifier}, `),
  )!;
}

/**
 * No owner and no co-assignee. A ticket without service schedule entries has no `resources`:
 * real ConnectWise leaves it out (null); an empty string is accepted too.
 */
const unassigned = () => cond.and(cond.eq("owner/id", null), cond.or(cond.eq("resources", null), cond.eq("resources", "")))!;

function textCondition(text: string): Condition | null {
  // Pasted text often carries line breaks and tabs; searching treats them as spaces.
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return null;
  const summary = cond.like("summary", clean);
  return /^#?\d{1,10}$/.test(clean) ? cond.or(cond.eq("id", Number(clean.replace("#", ""))), summary) : summary;
}

/**
 * The conditions string for a ticket search (null when nothing filters). Every value goes
 * through the builder; a value it can't quote safely is a PsaError `invalid` saying why.
 */
export function ticketConditions(query: TicketQuery): string | null {
  try {
    const assignment = query.assignment ?? { kind: "all" };
    const built = cond.and(
      query.boardId !== undefined && cond.eq("board/id", cwId(query.boardId, "Board")),
      query.statusName?.trim() && cond.eq("status/name", query.statusName.trim()),
      query.companyId !== undefined && cond.eq("company/id", cwId(query.companyId, "Company")),
      assignment.kind === "unassigned" && unassigned(),
      assignment.kind === "member" && memberCondition(assignment.member),
      query.text !== undefined && textCondition(query.text),
    );
    return built?.text ?? null;
  } catch (error) {
    if (error instanceof ConditionValueError) throw new PsaError("invalid", error.message);
    throw error;
  }
}
