import { beforeAll, describe, expect, it } from "vitest";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import { buildChatContext } from "@/lib/chat/chat-context";
import { db } from "@/lib/db";
import { holdsSeenBeforeFor, type SeenBeforeQuery } from "@/lib/knowledge/seen-before-for-chat";
import { runInTenantScope } from "@/lib/tenancy/scope";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { seedOpenSession, seedResolvedSession } from "@/tests/helpers/similar-sessions";
import { readEvents } from "@/tests/helpers/sse";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

const model = installFakeModel();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  a = await createTenant("Seen-before cache MSP");
  b = await createTenant("Seen-before cache other MSP");
});

const versionOf = async (accountId: string) => (await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { seenBeforeVersion: true } })).seenBeforeVersion;

/** What a turn on `sessionId` would offer the model, as its context finds it (cache included). */
const offered = async (accountId: string, sessionId: string) => {
  const context = await runInTenantScope(accountId, () => buildChatContext(sessionId, "What next?", crypto.randomUUID()));
  return (context.similar ?? []).map((match) => match.title);
};

describe("accounts.seen_before_version (what keys the chat's cached matches)", () => {
  it("moves when a session is resolved, a resolved session's fix changes, it is reopened or deleted", async () => {
    let version = await versionOf(a.accountId);
    const { session, fix } = await seedResolvedSession(a.engineer, { title: "Scanner to email fails", fix: { title: "Renew the SMTP relay password" } });
    expect(await versionOf(a.accountId)).toBeGreaterThan(version);

    version = await versionOf(a.accountId);
    await db.sessionSuggestedFix.update({ where: { id: fix!.id }, data: { description: "Renew it in the relay's admin page." } });
    expect(await versionOf(a.accountId)).toBeGreaterThan(version);

    version = await versionOf(a.accountId);
    await db.sessionFact.create({ data: { accountId: a.accountId, sessionId: session.id, text: "Konica scanner", sourceKind: "engineer_note" } });
    expect(await versionOf(a.accountId)).toBeGreaterThan(version);

    version = await versionOf(a.accountId);
    await db.aiSession.update({ where: { id: session.id }, data: { reopenedAt: new Date() } });
    expect(await versionOf(a.accountId)).toBeGreaterThan(version);

    version = await versionOf(a.accountId);
    await db.aiSession.delete({ where: { id: session.id } });
    expect(await versionOf(a.accountId)).toBeGreaterThan(version);
  });

  it("stays put for writes on open sessions, and for another account's resolutions", async () => {
    const version = await versionOf(a.accountId);
    const open = await seedOpenSession(a.engineer, "Outlook prompts for a password", ["Only on the VPN"]);
    await db.aiSession.update({ where: { id: open.id }, data: { stateVersion: { increment: 1 }, pendingTaskLane: { questions: [], actions: [] } } });
    await db.sessionSuggestedFix.create({ data: { accountId: a.accountId, sessionId: open.id, title: "Clear cached credentials", description: "Credential Manager.", confidence: 60 } });
    await seedResolvedSession(b.engineer, { title: "Outlook prompts for a password" });
    expect(await versionOf(a.accountId)).toBe(version);
  });
});

describe("the chat's seen-before matches", () => {
  it("are searched again once the account can match something new", async () => {
    const asking = await seedOpenSession(a.engineer, "Label printer prints blank labels", ["Zebra ZD420 on the warehouse PC"]);
    expect(await offered(a.accountId, asking.id)).toEqual([]);
    expect(await offered(a.accountId, asking.id)).toEqual([]);

    await seedResolvedSession(a.engineer, { title: "Label printer prints blank labels", facts: ["Zebra ZD420"], fix: { title: "Recalibrate the media sensor" } });
    expect(await offered(a.accountId, asking.id)).toEqual(["Label printer prints blank labels"]);
  });

  it("are searched again when the asking session's facts change", async () => {
    await seedResolvedSession(a.engineer, { title: "Teams meetings drop audio", facts: ["Jabra Evolve headset firmware"], fix: { title: "Update the Jabra firmware" } });
    const asking = await seedOpenSession(a.engineer, "Calls sound choppy", []);
    expect(await offered(a.accountId, asking.id)).toEqual([]);
    await db.sessionFact.create({ data: { accountId: a.accountId, sessionId: asking.id, text: "Jabra Evolve headset, Teams meetings drop audio", sourceKind: "engineer_note" } });
    expect(await offered(a.accountId, asking.id)).toEqual(["Teams meetings drop audio"]);
  });

  it("are found, once a turn promotes a fact, for the session's next turn before it is asked", async () => {
    const asking = await seedOpenSession(a.engineer, "Mapped drive missing after login", []);
    model().enqueue({ text: `Check the GPO.\n[PROMOTE]\n${JSON.stringify([{ text: "Drive H: maps from a logon script" }])}\n[/PROMOTE]` });
    const response = await callRoute(turnsRoute.POST, "POST", { as: a.engineer.id, params: { id: asking.id }, body: { message: "H: is gone for everyone." } });
    expect((await readEvents(response)).at(-1)!.event).toBe("done");

    const next: SeenBeforeQuery = {
      accountId: a.accountId,
      sessionId: asking.id,
      title: "Mapped drive missing after login",
      facts: [{ text: "Drive H: maps from a logon script" }],
      version: await versionOf(a.accountId),
    };
    expect(holdsSeenBeforeFor(next)).toBe(true);
    expect(holdsSeenBeforeFor({ ...next, facts: [{ text: "Another fact" }] })).toBe(false);
  });
});
