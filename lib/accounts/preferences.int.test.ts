import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as preferencesRoute from "@/app/api/v1/accounts/me/preferences/route";
import { getPreferences, updatePreferences } from "@/lib/accounts/preferences";
import { db } from "@/lib/db";
import { callRoute, type CallOptions } from "@/tests/helpers/call-route";
import { createTenant, viewerOf, type TestTenant } from "@/tests/helpers/tenant";

const defaults = {
  templatize_prompt_enabled: true,
  cw_resolved_status_id: null,
  cw_escalated_status_id: null,
  escalation_email_enabled: true,
  escalation_renotify_minutes: 30,
  slack_webhook_url: null,
  teams_webhook_url: null,
};

/** What the database holds for an account's settings, straight from the table. */
async function storedSettings(accountId: string) {
  return db.accountSettings.findUnique({ where: { accountId } });
}

const slackUrl = "https://hooks.slack.com/services/T1/B2/x";

const patch = (options: CallOptions) => callRoute(preferencesRoute.PATCH, "PATCH", options);

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant();
});

describe("PATCH /api/v1/accounts/me/preferences", () => {
  it("merges keys and keeps the ones not sent", async () => {
    await callRoute(preferencesRoute.PATCH, "PATCH", { as: tenant.owner.id, body: { cw_resolved_status_id: 71 } });
    const response = await callRoute(preferencesRoute.PATCH, "PATCH", {
      as: tenant.admin.id,
      body: { templatize_prompt_enabled: false },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.templatize_prompt_enabled).toBe(false);
    expect(body.cw_resolved_status_id).toBe(71);
  });

  it("stores only the sent keys, merged into what was there", async () => {
    const fresh = await createTenant("Merge MSP");
    expect((await patch({ as: fresh.owner.id, body: { cw_escalated_status_id: 12 } })).status).toBe(200);
    expect((await patch({ as: fresh.admin.id, body: { slack_webhook_url: slackUrl } })).status).toBe(200);
    expect((await storedSettings(fresh.accountId))?.preferences).toEqual({
      cw_escalated_status_id: 12,
      slack_webhook_url: slackUrl,
    });
    const read = await callRoute(preferencesRoute.GET, "GET", { as: fresh.owner.id });
    expect(await read.json()).toEqual({ ...defaults, cw_escalated_status_id: 12, slack_webhook_url: slackUrl });
  });

  it("sets a key back to null without dropping the others", async () => {
    const fresh = await createTenant("Null MSP");
    await patch({ as: fresh.owner.id, body: { cw_resolved_status_id: 5, cw_escalated_status_id: 6 } });
    const response = await patch({ as: fresh.owner.id, body: { cw_resolved_status_id: null } });
    expect(response.status).toBe(200);
    expect((await storedSettings(fresh.accountId))?.preferences).toEqual({ cw_resolved_status_id: null, cw_escalated_status_id: 6 });
  });

  it("keeps every key when ten PATCHes of different keys race", async () => {
    const fresh = await createTenant("Race MSP");
    const changes: Record<string, unknown>[] = [
      { templatize_prompt_enabled: false },
      { cw_resolved_status_id: 11 },
      { cw_escalated_status_id: 22 },
      { escalation_email_enabled: false },
      { escalation_renotify_minutes: 45 },
      { slack_webhook_url: "https://hooks.slack.com/services/T9/B9/race" },
      { teams_webhook_url: "https://contoso.webhook.office.com/webhookb2/race@tenant/IncomingWebhook/1/2" },
    ];
    // Ten requests on a fresh account (so the first INSERT races too); repeats write the same value.
    const bodies = Array.from({ length: 10 }, (_, index) => changes[index % changes.length]!);
    const responses = await Promise.all(
      bodies.map((body, index) => patch({ as: index % 2 ? fresh.owner.id : fresh.admin.id, body })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect((await storedSettings(fresh.accountId))?.preferences).toEqual(Object.assign({}, ...changes));
  });

  it("changes only the patching owner's tenant", async () => {
    const a = await createTenant("Isolation A");
    const b = await createTenant("Isolation B");
    await patch({ as: a.owner.id, body: { cw_resolved_status_id: 100 } });
    const aBefore = await storedSettings(a.accountId);

    const response = await patch({ as: b.owner.id, body: { cw_resolved_status_id: 200, templatize_prompt_enabled: false } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ...defaults, cw_resolved_status_id: 200, templatize_prompt_enabled: false });

    expect(await storedSettings(a.accountId)).toEqual(aBefore);
    expect(await getPreferences(viewerOf(a.viewer))).toEqual({ ...defaults, cw_resolved_status_id: 100 });
    expect((await storedSettings(b.accountId))?.preferences).toEqual({ cw_resolved_status_id: 200, templatize_prompt_enabled: false });
  });

  it("accepts a same-origin browser request", async () => {
    const response = await patch({
      as: tenant.owner.id,
      headers: { origin: "http://localhost:3000" },
      body: { escalation_renotify_minutes: 60 },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ escalation_renotify_minutes: 60 });
  });
});

describe("refused PATCHes write nothing", () => {
  let refused: TestTenant;
  let before: Awaited<ReturnType<typeof storedSettings>>;
  let auditedBefore: number;

  beforeAll(async () => {
    refused = await createTenant("Refused MSP");
    await updatePreferences(viewerOf(refused.owner), { cw_resolved_status_id: 9, templatize_prompt_enabled: false });
  });
  beforeEach(async () => {
    before = await storedSettings(refused.accountId);
    expect(before).not.toBeNull();
    auditedBefore = await db.auditEvent.count({ where: { accountId: refused.accountId } });
    expect(auditedBefore).toBe(1);
  });

  async function expectRefused(options: CallOptions, status: number, code: string) {
    const response = await patch(options);
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
    expect(body.error.message.length).toBeGreaterThan(0);
    // Same row, same updated_at: the refused request never reached the database, nor the audit trail.
    expect(await storedSettings(refused.accountId)).toEqual(before);
    expect(await db.auditEvent.count({ where: { accountId: refused.accountId } })).toBe(auditedBefore);
    return body;
  }

  it.each(["viewer", "engineer"] as const)("refuses a %s with 403", async (role) => {
    await expectRefused({ as: refused[role].id, body: { templatize_prompt_enabled: true } }, 403, "forbidden");
  });

  it("refuses a signed-out caller with 401", async () => {
    await expectRefused({ body: { templatize_prompt_enabled: true } }, 401, "unauthenticated");
  });

  it("refuses a removed owner-level user with 401", async () => {
    await db.user.update({ where: { id: refused.removed.id }, data: { role: "owner" } });
    await expectRefused({ as: refused.removed.id, body: { templatize_prompt_enabled: true } }, 401, "unauthenticated");
  });

  it("refuses malformed JSON with 422", async () => {
    const body = await expectRefused({ as: refused.owner.id, body: '{"templatize_prompt_enabled": tru' }, 422, "invalid");
    expect(body.error.message).toMatch(/JSON/);
  });

  it.each([
    ["a string for a boolean", { templatize_prompt_enabled: "yes" }],
    ["a negative status id", { cw_resolved_status_id: -3 }],
    ["a fractional status id", { cw_escalated_status_id: 1.5 }],
    ["an unknown key", { favourite_colour: "teal" }],
    ["an unknown key next to a known one", { templatize_prompt_enabled: true, favourite_colour: "teal" }],
    ["an empty object", {}],
    ["an http webhook URL", { slack_webhook_url: "http://hooks.slack.com/services/T1/B2/x" }],
    ["an http Teams webhook URL", { teams_webhook_url: "http://contoso.webhook.office.com/webhookb2/x" }],
    ["a Slack URL on another host", { slack_webhook_url: "https://hooks.slack.com.evil.test/services/T1/B2/x" }],
    ["a Teams URL on another host", { teams_webhook_url: "https://teams.example.test/webhook" }],
    ["a Teams URL in the Slack field", { slack_webhook_url: "https://contoso.webhook.office.com/webhookb2/x" }],
    ["a Slack URL in the Teams field", { teams_webhook_url: "https://hooks.slack.com/services/T1/B2/x" }],
    ["a webhook URL on an IP address", { slack_webhook_url: "https://169.254.169.254/latest/meta-data" }],
    ["a webhook URL with credentials", { slack_webhook_url: "https://user:pw@hooks.slack.com/services/T1/B2/x" }],
    ["a webhook URL that isn't a URL", { slack_webhook_url: "hooks.slack.com/services/T1/B2/x" }],
    ["a number for a webhook URL", { teams_webhook_url: 42 }],
    ["a valid key next to a refused webhook URL", { cw_resolved_status_id: 77, slack_webhook_url: "http://hooks.slack.com/x" }],
    ["a JSON array", [{ templatize_prompt_enabled: true }]],
    ["a JSON string", "\"templatize_prompt_enabled\""],
    ["a renotify interval below the minimum", { escalation_renotify_minutes: 1 }],
    ["a status id beyond the safe integers", { cw_resolved_status_id: 2 ** 60 }],
    ["a __proto__ key", '{"__proto__": {"templatize_prompt_enabled": true}, "cw_resolved_status_id": 1}'],
  ])("refuses %s with 422", async (_name, body) => {
    await expectRefused({ as: refused.owner.id, body }, 422, "invalid");
  });

  it.each([
    ["http", { slack_webhook_url: "http://hooks.slack.com/services/T1/B2/x" }, "Webhook URLs must start with https://."],
    [
      "a wrong host",
      { slack_webhook_url: "https://example.test/hook" },
      "example.test is not a Slack webhook host. Use the URL Slack gives you (https://hooks.slack.com/services/…).",
    ],
    [
      "a Teams URL in the Slack field",
      { slack_webhook_url: "https://contoso.webhook.office.com/webhookb2/x" },
      "That is a Microsoft Teams webhook URL; paste it into the Microsoft Teams field instead.",
    ],
    [
      "a Slack URL in the Teams field",
      { teams_webhook_url: "https://hooks.slack.com/services/T1/B2/x" },
      "That is a Slack webhook URL; paste it into the Slack field instead.",
    ],
  ])("says what is wrong with %s", async (_name, body, message) => {
    const refusal = await expectRefused({ as: refused.owner.id, body }, 422, "invalid");
    expect(refusal.error.message).toBe(message);
  });

  it("names the offending field in the 422's issues, and keeps it out of the message", async () => {
    const body = await expectRefused({ as: refused.owner.id, body: { templatize_prompt_enabled: "yes" } }, 422, "invalid");
    expect(body.error.issues).toContainEqual(expect.objectContaining({ path: "templatize_prompt_enabled" }));
    expect(body.error.message).not.toContain("templatize_prompt_enabled");
  });

  it("refuses a cross-site Origin with 403", async () => {
    await expectRefused(
      { as: refused.owner.id, headers: { origin: "https://evil.test" }, body: { templatize_prompt_enabled: true } },
      403,
      "forbidden",
    );
  });

  it("refuses Sec-Fetch-Site: cross-site with 403", async () => {
    await expectRefused(
      { as: refused.owner.id, headers: { "sec-fetch-site": "cross-site" }, body: { templatize_prompt_enabled: true } },
      403,
      "forbidden",
    );
  });

  it("refuses Origin: null (sandboxed frames, cross-origin redirects) with 403", async () => {
    await expectRefused(
      { as: refused.owner.id, headers: { origin: "null" }, body: { templatize_prompt_enabled: true } },
      403,
      "forbidden",
    );
  });

  it("refuses an Origin that only starts like ours", async () => {
    await expectRefused(
      { as: refused.owner.id, headers: { origin: "http://localhost:3000.evil.test" }, body: { templatize_prompt_enabled: true } },
      403,
      "forbidden",
    );
  });
});

describe("GET /api/v1/accounts/me/preferences", () => {
  it("returns the defaults for a fresh account, without writing a row", async () => {
    const fresh = await createTenant("Fresh MSP");
    const response = await callRoute(preferencesRoute.GET, "GET", { as: fresh.viewer.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(defaults);
    expect(await storedSettings(fresh.accountId)).toBeNull();
  });

  it("falls back to the default for a stored value of the wrong type", async () => {
    const fresh = await createTenant("Corrupt MSP");
    await db.accountSettings.create({
      data: { accountId: fresh.accountId, preferences: { templatize_prompt_enabled: "yes", cw_resolved_status_id: 3, legacy_key: 1 } },
    });
    const response = await callRoute(preferencesRoute.GET, "GET", { as: fresh.engineer.id });
    expect(await response.json()).toEqual({ ...defaults, cw_resolved_status_id: 3 });
  });

  it("reads the caller's own account only", async () => {
    const a = await createTenant("Read A");
    const b = await createTenant("Read B");
    await updatePreferences(viewerOf(a.owner), { cw_resolved_status_id: 42 });
    const response = await callRoute(preferencesRoute.GET, "GET", { as: b.owner.id });
    expect(await response.json()).toEqual(defaults);
  });
});

describe("webhook URLs are credentials", () => {
  it("shows them to owners and admins and redacts them for engineers and viewers", async () => {
    const own = await createTenant("Webhook MSP");
    const url = "https://hooks.slack.com/services/T000/B000/secret-part";
    const teams = "https://contoso.webhook.office.com/webhookb2/secret@tenant/IncomingWebhook/1/2";
    await callRoute(preferencesRoute.PATCH, "PATCH", { as: own.owner.id, body: { slack_webhook_url: url, teams_webhook_url: teams } });
    for (const user of [own.owner, own.admin]) {
      const body = await (await callRoute(preferencesRoute.GET, "GET", { as: user.id })).json();
      expect(body.slack_webhook_url).toBe(url);
      expect(body.teams_webhook_url).toBe(teams);
    }
    for (const user of [own.engineer, own.viewer]) {
      const body = await (await callRoute(preferencesRoute.GET, "GET", { as: user.id })).json();
      expect(body.slack_webhook_url).toBe("https://hooks.slack.com/redacted");
      expect(body.teams_webhook_url).toBe("https://contoso.webhook.office.com/redacted");
    }
  });
});

describe("webhook URLs are checked against the providers' hosts (F3)", () => {
  it.each([
    ["slack_webhook_url", "https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX"],
    ["teams_webhook_url", "https://contoso.webhook.office.com/webhookb2/a1b2@c3d4/IncomingWebhook/e5f6/g7h8"],
    ["teams_webhook_url", "https://outlook.office.com/webhook/a1b2@c3d4/IncomingWebhook/e5f6/g7h8"],
    ["teams_webhook_url", "https://prod-27.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x"],
    ["teams_webhook_url", "https://default0a1b.2c.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=x"],
  ])("accepts %s %s", async (key, url) => {
    const fresh = await createTenant("Hosts MSP");
    const response = await patch({ as: fresh.owner.id, body: { [key]: url } });
    expect(response.status).toBe(200);
    expect((await response.json())[key]).toBe(url);
    expect((await storedSettings(fresh.accountId))?.preferences).toEqual({ [key]: url });
  });

  it("trims pasted whitespace and turns a channel off with null", async () => {
    const fresh = await createTenant("Trim MSP");
    await patch({ as: fresh.owner.id, body: { slack_webhook_url: `  ${slackUrl}\n` } });
    expect((await storedSettings(fresh.accountId))?.preferences).toEqual({ slack_webhook_url: slackUrl });
    await patch({ as: fresh.owner.id, body: { slack_webhook_url: null } });
    expect((await storedSettings(fresh.accountId))?.preferences).toEqual({ slack_webhook_url: null });
  });

  it("reads a stored URL that is not on a provider's hosts as not set, so nothing is ever sent there", async () => {
    const fresh = await createTenant("Legacy MSP");
    await db.accountSettings.create({
      data: { accountId: fresh.accountId, preferences: { slack_webhook_url: "https://hooks.slack.test/T1/B2", teams_webhook_url: "http://10.0.0.5/hook" } },
    });
    const response = await callRoute(preferencesRoute.GET, "GET", { as: fresh.owner.id });
    expect(await response.json()).toEqual(defaults);
  });
});

describe("the audit trail of preference changes", () => {
  const eventsOf = (accountId: string) =>
    db.auditEvent.findMany({ where: { accountId }, orderBy: [{ createdAt: "asc" }, { action: "asc" }], select: { action: true, actorId: true, targetType: true, before: true, after: true } });

  it("records who changed which key from what to what, and nothing for a write that changes nothing", async () => {
    const fresh = await createTenant("Audit prefs MSP");
    expect((await patch({ as: fresh.admin.id, body: { escalation_renotify_minutes: 45, templatize_prompt_enabled: true } })).status).toBe(200);
    expect(await eventsOf(fresh.accountId)).toEqual([
      // templatize_prompt_enabled was already on (the default): only the real change is recorded.
      { action: "preferences.updated", actorId: fresh.admin.id, targetType: "preferences", before: { escalation_renotify_minutes: 30 }, after: { escalation_renotify_minutes: 45 } },
    ]);

    expect((await patch({ as: fresh.owner.id, body: { escalation_renotify_minutes: 45 } })).status).toBe(200);
    expect(await eventsOf(fresh.accountId)).toHaveLength(1);
  });

  it("records a chat channel as channels.updated with the webhook's host only, never its URL", async () => {
    const fresh = await createTenant("Audit channels MSP");
    const secretUrl = "https://hooks.slack.com/services/T0/B0/very-secret-token";
    const otherSecret = "https://hooks.slack.com/services/T0/B0/another-secret";
    await patch({ as: fresh.owner.id, body: { slack_webhook_url: secretUrl, escalation_email_enabled: false } });
    await patch({ as: fresh.owner.id, body: { slack_webhook_url: otherSecret } });
    await patch({ as: fresh.owner.id, body: { slack_webhook_url: null } });

    const events = await eventsOf(fresh.accountId);
    expect(events).toEqual([
      { action: "channels.updated", actorId: fresh.owner.id, targetType: "chat_channels", before: { slack_webhook_url: null }, after: { slack_webhook_url: "hooks.slack.com" } },
      { action: "preferences.updated", actorId: fresh.owner.id, targetType: "preferences", before: { escalation_email_enabled: true }, after: { escalation_email_enabled: false } },
      { action: "channels.updated", actorId: fresh.owner.id, targetType: "chat_channels", before: { slack_webhook_url: "hooks.slack.com" }, after: { slack_webhook_url: "hooks.slack.com" } },
      { action: "channels.updated", actorId: fresh.owner.id, targetType: "chat_channels", before: { slack_webhook_url: "hooks.slack.com" }, after: { slack_webhook_url: null } },
    ]);
    const written = JSON.stringify(await db.auditEvent.findMany({ where: { accountId: fresh.accountId } }));
    expect(written).not.toContain("secret");
  });

  it("records each of ten racing writers' own change against what it really replaced", async () => {
    const fresh = await createTenant("Audit race MSP");
    const values = Array.from({ length: 10 }, (_, index) => 100 + index);
    await Promise.all(values.map((minutes) => patch({ as: fresh.owner.id, body: { escalation_renotify_minutes: minutes } })));
    const events = await db.auditEvent.findMany({ where: { accountId: fresh.accountId }, select: { before: true, after: true } });
    expect(events).toHaveLength(10);
    // The writes were serialised: the befores are 30 and nine of the values, each value the after of exactly one event.
    const before = events.map((event) => (event.before as { escalation_renotify_minutes: number }).escalation_renotify_minutes);
    const after = events.map((event) => (event.after as { escalation_renotify_minutes: number }).escalation_renotify_minutes);
    const byValue = (x: number, y: number) => x - y;
    expect([...after].sort(byValue)).toEqual(values);
    const final = (await getPreferences(viewerOf(fresh.owner))).escalation_renotify_minutes;
    expect([...before, final].sort(byValue)).toEqual([30, ...values]);
  });
});
