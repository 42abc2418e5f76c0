import { cond } from "@/lib/psa/connectwise/conditions";
import type { CwContext } from "@/lib/psa/connectwise/cw-context";
import type { CwScheduleEntry, CwScheduleType } from "@/lib/psa/connectwise/cw-types";
import { listAll } from "@/lib/psa/connectwise/pagination";
import { CW_PERMISSION } from "@/lib/psa/connectwise/permissions";

/** The service ("S") schedule type's id, looked up once per provider; null when it can't be read. */
export function serviceTypeId(ctx: CwContext): Promise<number | null> {
  if (!ctx.serviceTypeId) {
    const lookup = ctx.http
      .call<CwScheduleType[]>({ method: "GET", path: "/schedule/types", query: { conditions: cond.eq("identifier", "S").text, fields: "id,identifier" } })
      .then((answer) => (Array.isArray(answer.data) ? (answer.data.find((type) => type.identifier === "S")?.id ?? null) : null));
    ctx.serviceTypeId = lookup;
    // A failed lookup is tried again next time; the entry is then sent with the identifier only.
    lookup.catch(() => {
      if (ctx.serviceTypeId === lookup) ctx.serviceTypeId = undefined;
    });
  }
  return ctx.serviceTypeId.catch(() => null);
}

/** The ticket's open service schedule entries (what makes up its `resources`), of one member when given. */
export async function listServiceEntries(ctx: CwContext, ticketId: number, memberId?: number): Promise<CwScheduleEntry[]> {
  const conditions = cond.and(cond.eq("objectId", ticketId), cond.eq("type/identifier", "S"), memberId !== undefined && cond.eq("member/id", memberId))!.text;
  const rows = await listAll<CwScheduleEntry>(
    ctx.http,
    "/schedule/entries",
    { conditions, orderBy: "id asc" },
    { what: `Schedule entries of Ticket ${ticketId}`, permission: CW_PERMISSION.scheduleInquire },
    ctx.options.maxListPages,
  );
  return rows.filter((entry) => entry.doneFlag !== true && entry.objectId === ticketId && (memberId === undefined || entry.member?.id === memberId));
}

/** Today's midnight UTC, the start and end of a date-less ("to-do") entry (§7). */
const todayMidnight = (now = new Date()) => `${now.toISOString().slice(0, 10)}T00:00:00Z`;

/** Co-assigns `member` with a date-less service schedule entry (201); never retried. */
export async function createServiceEntry(ctx: CwContext, ticketId: number, member: { id: number; identifier?: string }): Promise<CwScheduleEntry> {
  const typeId = await serviceTypeId(ctx);
  const day = todayMidnight();
  const answer = await ctx.http.call<CwScheduleEntry>({
    method: "POST",
    path: "/schedule/entries",
    body: {
      objectId: ticketId,
      type: typeId ? { id: typeId, identifier: "S" } : { identifier: "S" },
      member: member.identifier ? { id: member.id, identifier: member.identifier } : { id: member.id },
      dateStart: day,
      dateEnd: day,
      hours: 0,
      allowScheduleConflictsFlag: true,
    },
    subject: { what: `Ticket ${ticketId}`, permission: CW_PERMISSION.scheduleAdd },
  });
  return answer.data;
}

/** Removes one schedule entry (204). */
export async function deleteServiceEntry(ctx: CwContext, entryId: number): Promise<void> {
  await ctx.http.call({ method: "DELETE", path: `/schedule/entries/${entryId}`, subject: { what: `Schedule entry ${entryId}`, permission: CW_PERMISSION.scheduleDelete } });
}
