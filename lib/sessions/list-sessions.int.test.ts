import { beforeAll, describe, expect, it } from "vitest";
import * as sessionsRoute from "@/app/api/v1/ai-sessions/route";
import { db } from "@/lib/db";
import { listSessions, sessionListScope } from "@/lib/sessions/list-sessions";
import { listSessionsInput, type ListSessionsInput } from "@/lib/sessions/schemas";
import { callRoute } from "@/tests/helpers/call-route";
import { addUser } from "@/tests/helpers/users";
import { createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

type SessionData = {
  title: string;
  status?: "active" | "parked" | "escalated" | "requesting_escalation" | "resolved";
  companyName?: string;
  psaTicketId?: string;
  psaTicketRef?: string;
  handlerId?: string;
  /** Minutes before the test's reference time of its last update. */
  updatedMinutesAgo: number;
};

const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);

async function createSession(user: TestUser, data: SessionData) {
  const { updatedMinutesAgo, ...rest } = data;
  return db.aiSession.create({
    data: { accountId: user.accountId, userId: user.id, ...rest, createdAt: minutesAgo(updatedMinutesAgo + 5), updatedAt: minutesAgo(updatedMinutesAgo) },
  });
}

const list = (user: TestUser, input: Partial<Record<keyof ListSessionsInput, string>> = {}) =>
  listSessions(viewerOf(user), listSessionsInput.parse(input));
const titlesOf = (page: { items: { title: string }[] }) => page.items.map((item) => item.title);

let a: TestTenant;
let b: TestTenant;
/** 30 "Mailbox full" sessions of A's engineer, #0 the most recently updated. */
const bulk: string[] = [];

beforeAll(async () => {
  a = await createTenant("List A");
  b = await createTenant("List B");
  for (let index = 0; index < 30; index += 1) {
    const session = await createSession(a.engineer, { title: `Mailbox full #${index}`, companyName: "Bulk Co", updatedMinutesAgo: 100 + index });
    bulk.push(session.id);
  }
  await createSession(a.engineer, { title: "VPN drops", companyName: "Contoso Dental", psaTicketId: "48233", psaTicketRef: "CW #48233", status: "escalated", updatedMinutesAgo: 1 });
  await createSession(a.engineer, { title: "VPN drops", companyName: "Fabrikam Legal", psaTicketId: "51120", psaTicketRef: "CW #51120", status: "parked", updatedMinutesAgo: 2 });
  await createSession(a.engineer, { title: "Disk at 100% on FS01", companyName: "Litware", status: "resolved", updatedMinutesAgo: 3 });
  await createSession(a.engineer, { title: "Printer_02 offline", companyName: "Northwind 50 Inc", updatedMinutesAgo: 4 });
  await createSession(a.engineer, { title: "Backslash \\\\server\\share missing", updatedMinutesAgo: 5 });
  // A teammate's session the engineer handles, one they don't, and another tenant's look-alike.
  await createSession(a.admin, { title: "VPN drops (handled)", companyName: "Contoso Dental", handlerId: a.engineer.id, updatedMinutesAgo: 6 });
  await createSession(a.admin, { title: "VPN drops (admin's own)", companyName: "Contoso Dental", updatedMinutesAgo: 7 });
  await createSession(b.engineer, { title: "VPN drops", companyName: "Contoso Dental", psaTicketId: "48233", psaTicketRef: "CW #48233", updatedMinutesAgo: 1 });
  await createSession(b.viewer, { title: "B viewer's session", updatedMinutesAgo: 1 });
});

describe("listSessions search", () => {
  it("finds by title, any case, within the viewer's sessions", async () => {
    expect(titlesOf(await list(a.engineer, { q: "vpn DROPS" }))).toEqual(["VPN drops", "VPN drops", "VPN drops (handled)"]);
  });

  it("finds by company", async () => {
    const page = await list(a.engineer, { q: "fabrikam" });
    expect(page.items.map((item) => item.companyName)).toEqual(["Fabrikam Legal"]);
  });

  it("finds by ticket number, as the ref or the PSA id", async () => {
    for (const q of ["48233", "CW #48233", "#48233"]) {
      const page = await list(a.engineer, { q });
      expect(page.items.map((item) => [item.psaTicketRef, item.companyName])).toEqual([["CW #48233", "Contoso Dental"]]);
    }
  });

  it("matches % and _ and \\ literally, not as wildcards", async () => {
    expect(titlesOf(await list(a.engineer, { q: "100%" }))).toEqual(["Disk at 100% on FS01"]);
    expect(titlesOf(await list(a.engineer, { q: "%" }))).toEqual(["Disk at 100% on FS01"]);
    expect(titlesOf(await list(a.engineer, { q: "_" }))).toEqual(["Printer_02 offline"]);
    expect(titlesOf(await list(a.engineer, { q: "r_0" }))).toEqual(["Printer_02 offline"]);
    expect(titlesOf(await list(a.engineer, { q: "\\\\server" }))).toEqual(["Backslash \\\\server\\share missing"]);
    expect((await list(a.engineer, { q: "50%" })).total).toBe(0);
  });

  it("treats a blank search as none", async () => {
    expect((await list(a.engineer, { q: "   " })).total).toBe((await list(a.engineer)).total);
  });

  it("combines the search with a status filter", async () => {
    const page = await list(a.engineer, { q: "vpn", status: "parked" });
    expect(page.items.map((item) => [item.title, item.status, item.companyName])).toEqual([["VPN drops", "parked", "Fabrikam Legal"]]);
    expect(page.total).toBe(1);
  });
});

describe("listSessions status, sort and paging", () => {
  it("filters by status", async () => {
    const page = await list(a.engineer, { status: "resolved" });
    expect(page.items.map((item) => item.status)).toEqual(["resolved"]);
  });

  it("sorts by last update, newest or oldest first, or by title", async () => {
    const recent = await list(a.engineer, { q: "mailbox" });
    expect(recent.items.map((item) => item.id)).toEqual(bulk.slice(0, 25));
    const oldest = await list(a.engineer, { q: "mailbox", sort: "oldest" });
    expect(oldest.items.map((item) => item.id)).toEqual([...bulk].reverse().slice(0, 25));
    const byTitle = await list(a.engineer, { q: "vpn", sort: "title" });
    expect(titlesOf(byTitle)).toEqual(["VPN drops", "VPN drops", "VPN drops (handled)"]);
    // Same titles: the most recently updated first.
    expect(byTitle.items.slice(0, 2).map((item) => item.companyName)).toEqual(["Contoso Dental", "Fabrikam Legal"]);
  });

  it("pages 25 at a time with the total across pages", async () => {
    const first = await list(a.engineer, { q: "mailbox" });
    const second = await list(a.engineer, { q: "mailbox", page: "2" });
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 25 });
    expect(second).toMatchObject({ total: 30, page: 2, pageSize: 25 });
    expect(second.items.map((item) => item.id)).toEqual(bulk.slice(25));
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(bulk);
  });

  it("answers a page past the end with the last page", async () => {
    const page = await list(a.engineer, { q: "mailbox", page: "9" });
    expect(page).toMatchObject({ total: 30, page: 2 });
    expect(page.items.map((item) => item.id)).toEqual(bulk.slice(25));
    expect(await list(a.engineer, { q: "nothing like this", page: "3" })).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it("breaks ties in the sort by id, so pages never repeat a row", async () => {
    const tenant = await createTenant("List ties");
    const ids: string[] = [];
    for (let index = 0; index < 30; index += 1) ids.push((await createSession(tenant.engineer, { title: "Same", updatedMinutesAgo: 1 })).id);
    const first = await list(tenant.engineer, { sort: "title" });
    const second = await list(tenant.engineer, { sort: "title", page: "2" });
    expect(new Set([...first.items, ...second.items].map((item) => item.id))).toEqual(new Set(ids));
  });
});

describe("listSessions scope", () => {
  it("lists an engineer's own and handled sessions, never a teammate's or another tenant's", async () => {
    const page = await list(a.engineer, { q: "vpn" });
    expect(page.items.every((item) => item.user.id === a.engineer.id || item.title === "VPN drops (handled)")).toBe(true);
    expect(titlesOf(page)).not.toContain("VPN drops (admin's own)");
    expect(sessionListScope(viewerOf(a.engineer))).toBe("mine");
    const admin = await list(a.admin, { q: "vpn" });
    expect(titlesOf(admin)).toEqual(["VPN drops (handled)", "VPN drops (admin's own)"]);
  });

  it("lists every session of the account for a viewer, and nothing of another tenant", async () => {
    expect(sessionListScope(viewerOf(a.viewer))).toBe("team");
    const everything = await list(a.viewer);
    const inAccount = await db.aiSession.count({ where: { accountId: a.accountId } });
    expect(everything.total).toBe(inAccount);
    const vpn = await list(a.viewer, { q: "vpn" });
    expect(titlesOf(vpn)).toEqual(["VPN drops", "VPN drops", "VPN drops (handled)", "VPN drops (admin's own)"]);
    expect(vpn.items.every((item) => item.companyName !== null)).toBe(true);
    const other = await list(b.viewer, { q: "vpn" });
    expect(other.items.map((item) => item.user.id)).toEqual([b.engineer.id]);
  });

  it("gives a second viewer of the account the same team list", async () => {
    const viewer = await addUser(a.accountId, { role: "viewer" });
    expect((await list(viewer)).total).toBe((await list(a.viewer)).total);
  });
});

describe("GET /api/v1/ai-sessions search and paging", () => {
  it("answers one page with the total and the query applied", async () => {
    const response = await callRoute(sessionsRoute.GET, "GET", { as: a.engineer.id, query: { q: "mailbox", sort: "oldest", page: "2" } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ total: 30, page: 2, page_size: 25 });
    expect(body.sessions.map((session: { id: string }) => session.id)).toEqual([...bulk].reverse().slice(25));
    expect(body.sessions[0]).toEqual({
      id: bulk[4],
      title: "Mailbox full #4",
      status: "active",
      companyName: "Bulk Co",
      psaTicketId: null,
      psaTicketRef: null,
      stateVersion: 0,
      reopenedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      user: { id: a.engineer.id, name: a.engineer.name },
    });
  });

  it("lists the team's sessions for a viewer", async () => {
    const response = await callRoute(sessionsRoute.GET, "GET", { as: a.viewer.id, query: { q: "admin's own" } });
    const body = await response.json();
    expect(body.sessions.map((session: { title: string }) => session.title)).toEqual(["VPN drops (admin's own)"]);
  });
});
