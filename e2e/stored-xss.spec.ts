import type { Locator, Page } from "@playwright/test";
import { enqueueReplies, expect, test } from "./fixtures";
import { expectNoScriptRan, readScriptBearingAttributes, watchForScript, type ScriptWatch } from "./support/script-watch";
import { markerBlock, sendToPilot, uniqueTag } from "./support/pilot-session";
import { authFile } from "./support/sign-in";

/**
 * Issue 14, stored XSS: hostile text typed by an engineer, and written by the model (its output is
 * untrusted input too), is stored through the app's own API and UI, then read back in Chromium on
 * every surface that shows it — the session page, both document previews (the resolution note and
 * the escalation package, as drafted and as edited), the escalation queue, the bell, the handoff
 * screen and the dev mailbox (the one page that renders stored HTML). On each: the payload is on
 * screen as text (so the check is of rendered data, not of an empty page), nothing ran, and nothing
 * left an event handler or a `javascript:` link behind.
 *
 * Each payload, if it ever runs, sets `window.__xss` (see support/script-watch.ts). The session is
 * this run's own, found by a unique tag, so the spec runs beside the others.
 */

const payloads = {
  img: `<img src=x onerror="window.__xss=1">`,
  script: `<script>window.__xss=1</script>`,
  svg: `"><svg onload="window.__xss=1">`,
  jsUrl: `javascript:window.__xss=1`,
  mdLink: `[open](javascript:window.__xss=1)`,
} as const;

/** All five in one string (160 characters, so a label still fits a 200-character title or company). */
const allPayloads = Object.values(payloads).join(" ");

/** The sections each document must have (lib/documents), or the app drafts its own instead. */
const sections = {
  note: ["Problem", "What we confirmed", "Root cause", "Resolution"],
  package: ["Problem", "What we've confirmed", "What we've tried", "Current hypothesis", "Suggested next steps"],
} as const;

/** A markdown document (a note or a package) the way the model writes one, hostile in every part. */
function hostileDocument(kind: keyof typeof sections, label: string): string {
  const [first, second, third, ...rest] = sections[kind];
  return [
    `## ${first}`,
    `${label} ${payloads.img}`,
    `## ${second}`,
    `${payloads.script} ${payloads.svg}`,
    `## ${third}`,
    `- Runbook: ${payloads.mdLink}`,
    `- Portal: <a href="${payloads.jsUrl}">portal</a>`,
    ...rest.flatMap((section) => [`## ${section}`, `1. **${payloads.svg}** then \`${payloads.img}\``]),
  ].join("\n");
}

/**
 * Asserts that nothing on the page ran once `surface` shows its first text (so a hole reports as
 * what it is, even if it also changed how the text reads), then that it shows every text as text.
 */
async function expectShownInert(page: Page, watch: ScriptWatch, surface: string, shown: { where: Locator; text: string }[]) {
  const [first, ...rest] = shown;
  await expect(first!.where, `${surface} shows "${first!.text}"`).toContainText(first!.text);
  await expectNoScriptRan(page, watch, surface);
  for (const { where, text } of rest) await expect(where, `${surface} shows "${text}"`).toContainText(text);
  await expectNoScriptRan(page, watch, surface);
}

test("hostile text from the engineer and the model shows as text on every surface and never runs", async ({ pageAs, requestAs, request }) => {
  test.setTimeout(120_000);
  const tag = uniqueTag("xss");
  const title = `T ${tag} ${payloads.img} ${payloads.script} ${payloads.svg}`;
  const company = `C ${allPayloads}`;
  const fact = `Fact ${tag} ${allPayloads}`;
  const message = `Msg ${tag} ${allPayloads}`;
  const modelProse = `Model ${tag} says ${allPayloads}`;
  const modelFact = `Model fact ${payloads.svg} ${payloads.mdLink}`;
  const fixTitle = `Fix ${payloads.img}`;
  const reason = `Reason ${tag} ${allPayloads}`;
  const noteLabel = `Note ${tag}`;
  const draftLabel = `Drafted package ${tag}`;
  const editedLabel = `Edited package ${tag}`;

  const junior = await pageAs("junior");
  const juniorWatch = await watchForScript(junior);
  const api = await requestAs("junior");

  // The engineer's text: title and company through the API, a fact through the API, a chat message typed.
  const created = await api.post("/api/v1/ai-sessions", { data: { title, company_name: company } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await api.post(`/api/v1/ai-sessions/${id}/facts`, { data: { text: fact } })).status()).toBe(201);
  await junior.goto(`/pilot/${id}`);
  // The model's text: prose with every payload, a promoted fact and a suggested fix.
  const reply = [
    modelProse,
    markerBlock("PROMOTE", [{ text: modelFact }]),
    markerBlock("SUGGEST_FIX", { title: fixTitle, description: `Then ${payloads.mdLink} ${payloads.script}`, confidence: 60 }),
  ].join("\n");
  await enqueueReplies(request, [{ text: reply, match: tag }]);
  await sendToPilot(junior, message);
  await expect(junior.getByText(modelProse)).toBeVisible();
  // The prose streams before the turn is saved; the lane shows the promoted fact once `done` came.
  await expect(junior.getByRole("region", { name: "What we know" })).toContainText(modelFact);

  // The session page, as stored (reloaded, so the server renders all of it).
  await junior.reload();
  const chat = junior.getByRole("list").filter({ hasText: message });
  const facts = junior.getByRole("region", { name: "What we know" });
  await expectShownInert(junior, juniorWatch, "session page", [
    { where: junior.getByRole("heading", { level: 1 }), text: title },
    { where: junior.locator("main"), text: company },
    { where: facts, text: fact },
    { where: facts, text: modelFact },
    { where: chat, text: message },
    { where: chat, text: modelProse },
    { where: junior.getByRole("region", { name: "Suggested fix" }), text: fixTitle },
  ]);

  // The resolution-note preview, drafted by the model from the hostile session.
  await enqueueReplies(request, [{ text: hostileDocument("note", noteLabel), match: tag }]);
  await junior.getByRole("button", { name: "Resolve" }).click();
  const preview = junior.getByRole("dialog", { name: "Resolution note" }).getByTestId("preview-markdown");
  await expectShownInert(junior, juniorWatch, "resolution-note preview", [
    { where: preview, text: `${noteLabel} ${payloads.img}` },
    { where: preview, text: `${payloads.script} ${payloads.svg}` },
    { where: preview, text: `Runbook: ${payloads.mdLink}` },
    { where: preview, text: `<a href="${payloads.jsUrl}">portal</a>` },
  ]);

  // The escalation-package preview: the model's draft, then the engineer's edit of it.
  await enqueueReplies(request, [{ text: hostileDocument("package", draftLabel), match: tag }]);
  const dialog = junior.getByRole("dialog", { name: "Escalation package" });
  await junior.getByRole("dialog", { name: "Resolution note" }).getByRole("button", { name: "Escalate instead" }).click();
  const packagePreview = dialog.getByTestId("preview-markdown");
  await expectShownInert(junior, juniorWatch, "escalation-package preview (drafted)", [
    { where: packagePreview, text: `${draftLabel} ${payloads.img}` },
    { where: packagePreview, text: `Runbook: ${payloads.mdLink}` },
  ]);
  await dialog.getByRole("button", { name: "Edit" }).click();
  await dialog.getByRole("textbox", { name: "Escalation package text" }).fill(hostileDocument("package", editedLabel));
  await dialog.getByRole("button", { name: "Done editing" }).click();
  await expectShownInert(junior, juniorWatch, "escalation-package preview (edited)", [
    { where: packagePreview, text: `${editedLabel} ${payloads.img}` },
    { where: packagePreview, text: `${payloads.script} ${payloads.svg}` },
    { where: packagePreview, text: `Portal: <a href="${payloads.jsUrl}">portal</a>` },
  ]);
  await dialog.getByLabel("Why does this need a senior?").fill(reason);
  await dialog.getByRole("button", { name: "Escalate to the team" }).click();
  await expect(dialog).toBeHidden();
  await expect(junior.getByTestId("waiting-for-pickup")).toBeVisible();

  // The escalated session page, reloaded: the reason is in the conversation now.
  await junior.reload();
  await expectShownInert(junior, juniorWatch, "escalated session page", [
    { where: junior.getByRole("heading", { level: 1 }), text: title },
    { where: chat, text: `Escalated: ${reason}` },
  ]);

  // A senior's queue: the row shows title, company and reason.
  const senior = await pageAs("senior");
  const seniorWatch = await watchForScript(senior);
  await senior.goto("/escalations");
  const row = senior.getByTestId("escalation-row").filter({ hasText: tag });
  await expectShownInert(senior, seniorWatch, "escalation queue", [
    { where: row, text: title },
    { where: row, text: company },
    { where: row, text: reason },
  ]);

  // The bell, open: the notification names the session.
  await senior.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  const notification = senior.getByRole("menuitem").filter({ hasText: tag }).first();
  await expectShownInert(senior, seniorWatch, "notification bell", [{ where: notification, text: title }]);

  // From the bell to the handoff screen (?pickup=true): reason, edited package, facts and chat.
  await notification.click();
  await senior.waitForURL(new RegExp(`/pilot/${id}\\?pickup=true`));
  const handoff = senior.getByRole("region", { name: "Escalation handoff" });
  const seniorChat = senior.getByRole("list").filter({ hasText: message });
  await expectShownInert(senior, seniorWatch, "handoff screen", [
    { where: senior.getByRole("heading", { level: 1 }), text: title },
    { where: handoff, text: reason },
    { where: handoff, text: `${editedLabel} ${payloads.img}` },
    { where: handoff, text: `Portal: <a href="${payloads.jsUrl}">portal</a>` },
    { where: senior.getByRole("region", { name: "What we know" }), text: fact },
    { where: seniorChat, text: message },
    { where: seniorChat, text: modelProse },
  ]);

  // The escalation email in the senior's dev mailbox: stored HTML, built with every value escaped.
  const mail = senior.locator("li").filter({ hasText: tag }).first();
  await expect(async () => {
    await senior.goto("/dev/mailbox");
    await expect(mail).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // The card names the mail; its HTML sits in a sandboxed frame of its own.
  await expectShownInert(senior, seniorWatch, "dev mailbox", [
    { where: mail.getByRole("heading", { level: 2 }), text: title },
    { where: mail.locator("iframe").contentFrame().locator("body"), text: reason },
  ]);
});

test("the tripwires catch a payload that does run", async ({ browser, baseURL }) => {
  // The control for the spec above: each check it makes fails on a payload the browser parsed as
  // markup. The page's CSP would refuse the injected handler first, so this browser sets it aside.
  const context = await browser.newContext({ baseURL, storageState: authFile("junior"), bypassCSP: true });
  const page = await context.newPage();
  const watch = await watchForScript(page);
  await page.goto("/pilot");
  await page.evaluate((html) => document.body.insertAdjacentHTML("beforeend", html), `${payloads.img}<a href="${payloads.jsUrl}">x</a>`);
  await expect.poll(() => watch.hits).toEqual([expect.stringContaining("window.__xss = 1")]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBe(1);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(1);
  expect(await readScriptBearingAttributes(page)).toEqual([`<img onerror="window.__xss=1">`, `<a href="${payloads.jsUrl}">`]);
  await page.evaluate(() => setTimeout(() => alert("xss"), 0));
  await expect.poll(() => watch.dialogs).toEqual([expect.stringContaining("alert: xss")]);
  await expect(expectNoScriptRan(page, watch, "control")).rejects.toThrow();
  await context.close();
});
