import { describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { installPsaTenants } from "@/tests/helpers/psa";
import { createSessionFor, viewerOf } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { addPsaTicketNote, listPsaTicketNotes } = await import("@/lib/psa/tickets/ticket-notes");
const notesRoute = await import("@/app/api/v1/psa/tickets/[id]/notes/route");

type Json = Record<string, unknown>;

const { sim, a, unconnected } = installPsaTenants({ name: "Notes" });

const OUTLOOK = "48233";
const lastSimNote = () => sim().notes(Number(OUTLOOK)).at(-1) as Json;

describe("G7 notes", () => {
  it("lists a ticket's notes with their kinds, oldest first", async () => {
    const { items, next_page } = await listPsaTicketNotes(viewerOf(a().viewer), OUTLOOK);
    expect(next_page).toBeNull();
    expect(items.map((note) => note.kinds)).toEqual([["customer_detail"], ["internal_analysis"]]);
    expect(items[0]).toMatchObject({ ticket_id: OUTLOOK, text: expect.stringContaining("Outlook on the front desk PCs") });
  });

  it.each([
    ["internal_analysis", { internalAnalysisFlag: true, detailDescriptionFlag: false, resolutionFlag: false }],
    ["customer_detail", { internalAnalysisFlag: false, detailDescriptionFlag: true, resolutionFlag: false }],
    ["resolution", { internalAnalysisFlag: false, detailDescriptionFlag: false, resolutionFlag: true }],
  ] as const)("adds a %s note with the matching display flag only", async (kind, flags) => {
    const note = await addPsaTicketNote(viewerOf(a().engineer), OUTLOOK, { kind, text: `A ${kind} note` });
    expect(note).toMatchObject({ ticket_id: OUTLOOK, text: `A ${kind} note`, kinds: [kind] });
    expect(lastSimNote()).toMatchObject({ id: Number(note.id), text: `A ${kind} note`, ...flags });
  });

  it("records the note on linked sessions' timelines with the note id", async () => {
    const session = await createSessionFor(a().engineer, { title: "Linked" });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: OUTLOOK } });
    const note = await addPsaTicketNote(viewerOf(a().engineer), OUTLOOK, { kind: "resolution", text: "Fixed the credential cache." });
    const [step] = await db.aiSessionStep.findMany({ where: { sessionId: session.id, content: { startsWith: "PSA" } } });
    expect(step!.content).toBe("PSA · ticket #48233: Added a resolution note (customer-visible).");
    expect(step!.metadata).toMatchObject({ action: "note", ok: true, external_id: note.id });
  });

  it("records a failed note on the timeline and rethrows the PSA's error", async () => {
    const session = await createSessionFor(a().engineer, { title: "Linked" });
    await db.aiSession.update({ where: { id: session.id }, data: { psaTicketId: OUTLOOK } });
    // Writes are never retried: one 500 fails the post.
    sim().setTraps({ failNext: { count: 1, status: 500 } });
    await expect(addPsaTicketNote(viewerOf(a().engineer), OUTLOOK, { kind: "internal_analysis", text: "x" })).rejects.toMatchObject({ code: "upstream" });
    const [step] = await db.aiSessionStep.findMany({ where: { sessionId: session.id, content: { startsWith: "PSA" } } });
    expect(step!.content).toMatch(/^PSA failed · ticket #48233: ConnectWise answered 500/);
    expect(sim().notes(Number(OUTLOOK))).toHaveLength(2);
  });

  it("recovers a read from a 429 and a 500", async () => {
    sim().setTraps({ rateLimit: { count: 1, retryAfterSeconds: 1 } });
    expect((await listPsaTicketNotes(viewerOf(a().viewer), OUTLOOK)).items).toHaveLength(2);
    sim().setTraps({ failNext: { count: 2, status: 503 } });
    expect((await listPsaTicketNotes(viewerOf(a().viewer), OUTLOOK)).items).toHaveLength(2);
  });

  it("passes a forbidden notes list through as 403 with the PSA's words", async () => {
    sim().setTraps({ forbiddenLists: ["notes"] });
    await expect(listPsaTicketNotes(viewerOf(a().viewer), OUTLOOK)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("Ticket Notes") });
  });
});

describe("/api/v1/psa/tickets/[id]/notes routes", () => {
  it("lets a viewer read and an engineer add (201)", async () => {
    const list = await callRoute(notesRoute.GET, "GET", { as: a().viewer.id, params: { id: OUTLOOK } });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ items: expect.any(Array), next_page: null });
    const added = await callRoute(notesRoute.POST, "POST", { as: a().engineer.id, params: { id: OUTLOOK }, body: { kind: "customer_detail", text: "  Called the customer.  " } });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ text: "Called the customer.", kinds: ["customer_detail"] });
  });

  it.each([
    { kind: "secret", text: "x" },
    { kind: "resolution", text: "   " },
    { kind: "resolution", text: "x".repeat(10_001) },
    { text: "no kind" },
  ])("refuses %o with 422, posting nothing", async (body) => {
    const response = await callRoute(notesRoute.POST, "POST", { as: a().engineer.id, params: { id: OUTLOOK }, body });
    expect(response.status).toBe(422);
    expect(sim().requests).toEqual([]);
  });

  it("refuses a viewer's note with 403, and answers 409 when not connected", async () => {
    expect((await callRoute(notesRoute.POST, "POST", { as: a().viewer.id, params: { id: OUTLOOK }, body: { kind: "resolution", text: "x" } })).status).toBe(403);
    expect(sim().requests).toEqual([]);
    expect((await callRoute(notesRoute.GET, "GET", { as: unconnected().viewer.id, params: { id: OUTLOOK } })).status).toBe(409);
  });

  it("answers 404 for a ticket the PSA doesn't have", async () => {
    expect((await callRoute(notesRoute.GET, "GET", { as: a().viewer.id, params: { id: "99999" } })).status).toBe(404);
  });
});
