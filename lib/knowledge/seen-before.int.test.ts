import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as turnsRoute from "@/app/api/v1/ai-sessions/[id]/turns/route";
import * as activeFixRoute from "@/app/api/v1/ai-sessions/[id]/suggested-fixes/active/route";
import { findPromptViolations } from "@/lib/ai/prompt-guard";
import { SEEN_BEFORE_CONTEXT } from "@/lib/ai/prompts/seen-before";
import type { TurnResult } from "@/lib/chat/apply-reply";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reuseSimilarFix } from "@/lib/knowledge/reuse-similar-fix";
import { callRoute } from "@/tests/helpers/call-route";
import { installFakeModel } from "@/tests/helpers/fake-model";
import { seedOpenSession, seedResolvedSession } from "@/tests/helpers/similar-sessions";
import { readEvents } from "@/tests/helpers/sse";
import { createSessionFor, createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const model = installFakeModel();
let a: TestTenant;
let b: TestTenant;
let worked: { id: string };
let theirs: { id: string };
let reopened: { id: string };

type SystemBlock = { text?: string; cache_control?: { type: string } };

beforeAll(async () => {
  a = await createTenant("Seen before A");
  b = await createTenant("Seen before B");
  const seed = {
    title: "Outlook stuck on Loading Profile",
    facts: ["Outlook hangs at the loading profile screen", "OST file is 50 GB"],
    fix: { title: "Rebuild the Outlook OST cache", description: "Rename the OST so Outlook resyncs the mailbox.", script: "Rename-Item $ost \"$ost.old\"" },
  };
  worked = (await seedResolvedSession(a.engineer, seed)).session;
  theirs = (await seedResolvedSession(b.engineer, seed)).session;
  reopened = (await seedResolvedSession(a.engineer, { ...seed, title: "Outlook stuck loading profile again", reopened: true })).session;
});
beforeEach(() => model().reset());

const block = (name: string, json: unknown) => `[${name}]\n${JSON.stringify(json)}\n[/${name}]`;

async function turnWith(sessionId: string, reply: string): Promise<TurnResult> {
  model().enqueue({ text: reply });
  const response = await callRoute(turnsRoute.POST, "POST", { as: a.engineer.id, params: { id: sessionId }, body: { message: "Outlook is stuck again." } });
  const done = (await readEvents(response)).at(-1)!;
  expect(done.event).toBe("done");
  return done.data as TurnResult;
}

describe("the chat turn's seen-before block", () => {
  it("gives the model the top matches' fixes as a cached data block of their own", async () => {
    const session = await seedOpenSession(a.engineer, "Outlook won't get past Loading Profile", ["Outlook stuck at loading profile"]);
    await turnWith(session.id, "Let's look at the OST.");
    const system = model().requests[0]!.body.system as SystemBlock[];
    const seen = system.find((entry) => entry.text?.startsWith(SEEN_BEFORE_CONTEXT));
    expect(seen?.cache_control).toEqual({ type: "ephemeral" });
    expect(seen!.text).toContain(`session ${worked.id}`);
    expect(seen!.text).toContain("Rebuild the Outlook OST cache (worked)");
    expect(seen!.text).not.toContain(theirs.id);
    expect(seen!.text).not.toContain(reopened.id);
    expect(findPromptViolations("SEEN_BEFORE_CONTEXT", SEEN_BEFORE_CONTEXT)).toEqual([]);
  });

  it("is left out when nothing resolved looks like the session", async () => {
    const session = await seedOpenSession(a.engineer, "Conference room display flickers", ["HDMI cable swapped"]);
    await turnWith(session.id, "Check the refresh rate.");
    const system = model().requests[0]!.body.system as SystemBlock[];
    expect(system.some((entry) => entry.text?.startsWith(SEEN_BEFORE_CONTEXT))).toBe(false);
  });

  it("keeps a [SUGGEST_FIX] source_session_id that was offered, and the fix card reads 'worked before' from it", async () => {
    const session = await seedOpenSession(a.engineer, "Outlook stuck on loading profile", ["Outlook hangs at loading profile"]);
    const result = await turnWith(
      session.id,
      `Same as last time.\n${block("SUGGEST_FIX", { title: "Rebuild the OST cache", description: "Rename the OST.", confidence: 80, source_session_id: worked.id })}`,
    );
    expect(result.suggested_fix).toMatchObject({ source_session_id: worked.id, source_session_title: "Outlook stuck on Loading Profile" });
    const active = await callRoute(activeFixRoute.GET, "GET", { as: a.engineer.id, params: { id: session.id } });
    expect(await active.json()).toMatchObject({ source_session_id: worked.id, source_session_title: "Outlook stuck on Loading Profile" });
  });

  it("drops a cited session that was not offered: another tenant's, a reopened one, or made up", async () => {
    const session = await seedOpenSession(a.engineer, "Outlook stuck on loading profile", ["Outlook hangs at loading profile"]);
    for (const cited of [theirs.id, reopened.id, crypto.randomUUID(), "not-a-uuid"]) {
      const result = await turnWith(session.id, block("SUGGEST_FIX", { title: "Rebuild the OST cache", description: "Rename the OST.", confidence: 70, source_session_id: cited }));
      expect(result.suggested_fix, cited).toMatchObject({ title: "Rebuild the OST cache", source_session_id: null, source_session_title: null });
    }
  });
});

describe("Use this fix", () => {
  it("suggests the resolved session's fix here, script included, and records where it came from", async () => {
    const session = await seedOpenSession(a.engineer, "Outlook hangs");
    const fix = await reuseSimilarFix(viewerOf(a.engineer), { id: session.id, source_session_id: worked.id });
    expect(fix).toMatchObject({
      session_id: session.id,
      title: "Rebuild the Outlook OST cache",
      ai_drafted_script: "Rename-Item $ost \"$ost.old\"",
      status: "proposed",
      source_session_id: worked.id,
      source_session_title: "Outlook stuck on Loading Profile",
    });
    const stored = await db.sessionSuggestedFix.findFirstOrThrow({ where: { id: fix.id } });
    expect(stored.sourceSessionId).toBe(worked.id);
  });

  const codeOf = async (work: Promise<unknown>) => {
    const error = await work.then(() => null, (caught: unknown) => caught);
    return error instanceof AppError ? error.code : error;
  };

  it("refuses another tenant's or a reopened source (404), a viewer or teammate (403/404), and changes nothing", async () => {
    const session = await seedOpenSession(a.engineer, "Outlook hangs");
    expect(await codeOf(reuseSimilarFix(viewerOf(a.engineer), { id: session.id, source_session_id: theirs.id }))).toBe("not_found");
    expect(await codeOf(reuseSimilarFix(viewerOf(a.engineer), { id: session.id, source_session_id: reopened.id }))).toBe("not_found");
    expect(await codeOf(reuseSimilarFix(viewerOf(b.engineer), { id: session.id, source_session_id: worked.id }))).toBe("not_found");
    expect(await codeOf(reuseSimilarFix(viewerOf(a.admin), { id: session.id, source_session_id: worked.id }))).toBe("not_found");
    expect(await codeOf(reuseSimilarFix(viewerOf(a.viewer), { id: session.id, source_session_id: worked.id }))).toBe("forbidden");
    expect(await db.sessionSuggestedFix.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("is a conflict on a resolved session or a source without a fix", async () => {
    const done = await createSessionFor(a.engineer, { status: "resolved" });
    expect(await codeOf(reuseSimilarFix(viewerOf(a.engineer), { id: done.id, source_session_id: worked.id }))).toBe("conflict");
    const bare = (await seedResolvedSession(a.engineer, { title: "Resolved without a fix" })).session;
    const session = await seedOpenSession(a.engineer, "Outlook hangs");
    expect(await codeOf(reuseSimilarFix(viewerOf(a.engineer), { id: session.id, source_session_id: bare.id }))).toBe("conflict");
  });
});
