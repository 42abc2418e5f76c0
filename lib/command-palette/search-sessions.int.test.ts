import { beforeAll, describe, expect, it } from "vitest";
import * as paletteRoute from "@/app/api/v1/command-palette/sessions/route";
import { PALETTE_SESSION_LIMIT } from "@/lib/command-palette/schemas";
import { escapeLikePattern, searchPaletteSessions } from "@/lib/command-palette/search-sessions";
import { db } from "@/lib/db";
import type { SessionStatus } from "@/lib/generated/prisma/enums";
import { readableSessionsWhere } from "@/lib/sessions/session-access";
import { callRoute } from "@/tests/helpers/call-route";
import { addUser } from "@/tests/helpers/users";
import { createTenant, viewerOf, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
let teammate: TestUser;

type SessionData = { title: string; status?: SessionStatus; companyName?: string; psaTicketId?: string; psaTicketRef?: string; minutesAgo?: number };

async function sessionOf(user: TestUser, data: SessionData) {
  const { minutesAgo = 0, ...fields } = data;
  const session = await db.aiSession.create({ data: { accountId: user.accountId, userId: user.id, status: "active", ...fields } });
  // Set after the insert: @updatedAt would overwrite a value given to create.
  await db.$executeRaw`UPDATE ai_sessions SET updated_at = ${new Date(Date.now() - minutesAgo * 60_000)} WHERE id = ${session.id}::uuid`;
  return session.id;
}

const search = (user: TestUser, q: string) => searchPaletteSessions(viewerOf(user), { q });
const titlesOf = async (user: TestUser, q: string) => (await search(user, q)).sessions.map((session) => session.title);

beforeAll(async () => {
  a = await createTenant("Palette A");
  b = await createTenant("Palette B");
  teammate = await addUser(a.accountId, { label: "teammate" });
});

describe("escapeLikePattern", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLikePattern(String.raw`50%_off\now`)).toBe(String.raw`50\%\_off\\now`);
  });
});

describe("searchPaletteSessions", () => {
  it("matches title, company and ticket, case-insensitively", async () => {
    const byTitle = await sessionOf(a.engineer, { title: "Quokka mailbox full" });
    const byCompany = await sessionOf(a.engineer, { title: "Printer jam", companyName: "Quokka Dental" });
    const byRef = await sessionOf(a.engineer, { title: "VPN drops", psaTicketId: "771001", psaTicketRef: "#771001" });
    const byIdOnly = await sessionOf(a.engineer, { title: "Wi-Fi slow", psaTicketId: "771002" });
    await sessionOf(a.engineer, { title: "Unrelated session" });

    const quokka = (await search(a.engineer, "qUOKKA")).sessions.map((session) => session.id);
    expect(quokka.sort()).toEqual([byTitle, byCompany].sort());
    expect((await search(a.engineer, "#771001")).sessions.map((session) => session.id)).toEqual([byRef]);
    expect((await search(a.engineer, "77100")).sessions.map((session) => session.id).sort()).toEqual([byRef, byIdOnly].sort());
    // A ticket linked without a stored ref is found by "#number" and shown as "#number".
    const [idOnly] = (await search(a.engineer, "#771002")).sessions;
    expect(idOnly).toMatchObject({ id: byIdOnly, psa_ticket_ref: "#771002", company_name: null });
  });

  it("takes % and _ literally", async () => {
    await sessionOf(a.engineer, { title: "Disk at 95% on Zebra-host" });
    await sessionOf(a.engineer, { title: "Disk at 95 percent on Zebra-host" });
    await sessionOf(a.engineer, { title: "Share zebra_files missing" });
    await sessionOf(a.engineer, { title: "Share zebraXfiles missing" });
    await sessionOf(a.engineer, { title: String.raw`Path C:\zebra\logs full` });

    expect(await titlesOf(a.engineer, "95%")).toEqual(["Disk at 95% on Zebra-host"]);
    expect(await titlesOf(a.engineer, "zebra_files")).toEqual(["Share zebra_files missing"]);
    expect(await titlesOf(a.engineer, String.raw`\zebra\ `.trim())).toEqual([String.raw`Path C:\zebra\logs full`]);
    expect(await titlesOf(a.engineer, "%")).toEqual(["Disk at 95% on Zebra-host"]);
  });

  it("keeps to the viewer's account and readable set", async () => {
    const own = await sessionOf(a.engineer, { title: "Walrus own active" });
    const teammateActive = await sessionOf(teammate, { title: "Walrus teammate active" });
    const teammateEscalated = await sessionOf(teammate, { title: "Walrus teammate escalated", status: "escalated" });
    const teammateRequesting = await sessionOf(teammate, { title: "Walrus teammate requesting", status: "requesting_escalation" });
    const teammateResolved = await sessionOf(teammate, { title: "Walrus teammate resolved", status: "resolved" });
    const handled = await sessionOf(teammate, { title: "Walrus handled by engineer", status: "active" });
    await db.aiSession.update({ where: { id: handled }, data: { handlerId: a.engineer.id } });
    const otherTenant = await sessionOf(b.engineer, { title: "Walrus other tenant", status: "escalated" });

    const idsFor = async (user: TestUser) => (await search(user, "walrus")).sessions.map((session) => session.id).sort();
    expect(await idsFor(a.engineer)).toEqual([own, teammateEscalated, teammateRequesting, handled].sort());
    // A teammate sees what is in transit; never an active or resolved session of someone else.
    expect(await idsFor(a.owner)).toEqual([teammateEscalated, teammateRequesting].sort());
    // A viewer finds exactly what the read rule lets them open, in transit included.
    const readableByViewer = await db.aiSession.findMany({
      where: { AND: [readableSessionsWhere(viewerOf(a.viewer)), { title: { startsWith: "Walrus" } }] },
      select: { id: true },
    });
    expect(await idsFor(a.viewer)).toEqual(readableByViewer.map((session) => session.id).sort());
    expect(await idsFor(a.viewer)).toEqual(expect.arrayContaining([teammateEscalated, teammateRequesting]));
    expect(await idsFor(a.viewer)).not.toContain(otherTenant);
    expect(await idsFor(b.owner)).toEqual([otherTenant]);
    expect(await idsFor(b.engineer)).toEqual([otherTenant]);
    for (const hidden of [teammateActive, teammateResolved]) expect(await idsFor(a.engineer)).not.toContain(hidden);

    const { sessions } = await search(a.viewer, "walrus teammate escalated");
    expect(sessions).toEqual([
      {
        id: teammateEscalated,
        title: "Walrus teammate escalated",
        status: "escalated",
        company_name: null,
        psa_ticket_ref: null,
        updated_at: expect.any(String),
        in_transit: true,
      },
    ]);
  });

  it("lists at most eight, most recently touched first", async () => {
    for (let index = 0; index < 11; index += 1) await sessionOf(a.engineer, { title: `Narwhal ${index}`, minutesAgo: index * 5 });
    const titles = await titlesOf(a.engineer, "narwhal");
    expect(PALETTE_SESSION_LIMIT).toBe(8);
    expect(titles).toEqual(Array.from({ length: 8 }, (_, index) => `Narwhal ${index}`));
  });
});

describe("GET /api/v1/command-palette/sessions", () => {
  const get = (user: TestUser, query: Record<string, string>) => callRoute(paletteRoute.GET, "GET", { as: user.id, query });

  it("answers with the viewer's matching sessions", async () => {
    const id = await sessionOf(a.engineer, { title: "Ocelot route check", companyName: "Ocelot Ltd" });
    const response = await get(a.engineer, { q: "ocelot" });
    expect(response.status).toBe(200);
    expect((await response.json()).sessions.map((session: { id: string }) => session.id)).toEqual([id]);
  });

  it.each([
    ["missing", {}],
    ["empty", { q: "" }],
    ["blank", { q: "   " }],
    ["too long", { q: "x".repeat(201) }],
  ])("refuses a %s query with 422", async (_label, query) => {
    const response = await get(a.engineer, query);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toMatch(/search/i);
  });

  it("accepts a 200-character query", async () => {
    expect((await get(a.engineer, { q: "y".repeat(200) })).status).toBe(200);
  });
});
