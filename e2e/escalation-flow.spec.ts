import type { Page } from "@playwright/test";
import { demoSessions, demoUsers, enqueueReplies, expect, test } from "./fixtures";
import { escalateOpenSession } from "./support/escalate";
import { bellUnread, expectShellMatchesServer } from "./support/shell-counts";

/**
 * F3–F7 end to end with two people: the junior escalates; the senior, already on the queue, sees
 * it arrive live (slide-in, bell, sidebar, tab title), opens it from the bell onto the handoff
 * screen, picks it up and carries on; the junior's page says who has it; the senior's dev mailbox
 * holds the same deep link. An admin on the queue watches the row arrive and leave.
 */

const uniqueTag = () => `ef-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Marks the window so a later check can tell it was never reloaded. */
async function markWindow(page: Page) {
  await page.evaluate(() => Object.assign(window, { __flowpilotNoReload: true }));
}

async function windowWasKept(page: Page) {
  return page.evaluate(() => (window as unknown as { __flowpilotNoReload?: boolean }).__flowpilotNoReload === true);
}

/** Pretends the tab went to the background (or came back), as the browser reports it. */
async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate((value) => {
    Object.defineProperty(document, "hidden", { configurable: true, get: () => value });
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (value ? "hidden" : "visible") });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

async function send(page: Page, message: string) {
  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  await expect(composer).toBeEnabled();
  await composer.fill(message);
  await composer.press("Enter");
}

test("a junior escalates; a senior on the queue sees it arrive, picks it up and carries on", async ({ pageAs, request }, testInfo) => {
  const tag = uniqueTag();
  const title = `VPN drops every hour ${tag}`;
  const reason = `Needs someone who knows the firewall's IPsec settings (${tag}).`;

  // The senior (and an admin) wait on the queue, live.
  const senior = await pageAs("senior");
  await senior.goto("/escalations");
  await expect(senior.getByRole("heading", { level: 1, name: "Escalations" })).toBeVisible();
  await expect(senior.getByTestId("stream-status")).toHaveAttribute("data-state", "live");
  const admin = await pageAs("admin");
  await admin.emulateMedia({ reducedMotion: "reduce" });
  await admin.goto("/escalations");
  await expect(admin.getByTestId("stream-status")).toHaveAttribute("data-state", "live");
  const before = await expectShellMatchesServer(senior);
  await markWindow(senior);
  await setTabHidden(senior, true);

  // The junior starts a session from the dialog and chats once.
  const junior = await pageAs("junior");
  await junior.goto("/pilot");
  await junior.getByRole("button", { name: "New session" }).click();
  const dialog = junior.getByRole("dialog", { name: "New session" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Company").fill("Fabrikam Legal");
  await dialog.getByLabel("Company").press("Enter");
  await junior.waitForURL(/\/pilot\/[0-9a-f-]{36}$/);
  await enqueueReplies(request, [{ text: `Hourly drops often follow an IPsec rekey mismatch (${tag}).`, match: tag }]);
  await send(junior, "The VPN drops on the hour, every hour, for everyone in the office.");
  await expect(junior.getByText(`Hourly drops often follow an IPsec rekey mismatch (${tag}).`)).toBeVisible();
  await markWindow(junior);

  // The junior escalates, with an AI-written package.
  const pkg = [
    "## Problem",
    "The office VPN drops every hour.",
    "## What we've confirmed",
    "- Every user is affected, on the hour.",
    "## What we've tried",
    `- Re-installed the VPN client on one laptop (${tag}).`,
    "## Current hypothesis",
    "An IPsec phase 2 lifetime mismatch.",
    "## Suggested next steps",
    "Compare the lifetimes on both gateways.",
  ].join("\n");
  await enqueueReplies(request, [{ text: pkg, match: tag }]);
  const { sessionId } = await escalateOpenSession(junior, reason);
  const pickupLink = `/pilot/${sessionId}?pickup=true&from=escalations`;

  // Live on the senior's queue: the row slides in, the bell and the sidebar count rise, the hidden tab flashes.
  const row = senior.getByTestId("escalation-row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText(reason);
  await expect(row).toContainText(demoUsers.junior.name);
  await expect(row).toContainText("Fabrikam Legal");
  await expect(row.getByText("New", { exact: true })).toBeVisible();
  // It slid in (a CSS transition), except for the admin, who asked for reduced motion.
  expect(await row.evaluate((element) => getComputedStyle(element).transitionProperty)).toContain("transform");
  const during = await expectShellMatchesServer(senior);
  expect(during.escalations).toBeGreaterThanOrEqual(1);
  await expect.poll(() => bellUnread(senior)).toBeGreaterThanOrEqual(before.unreadNotifications + 1);
  // "(1) New escalation — FlowPilot", or more if another spec escalated meanwhile.
  await expect(senior).toHaveTitle(/^\(\d+\) New escalations? — FlowPilot$/);
  await setTabHidden(senior, false);
  await expect(senior).toHaveTitle("Escalations · FlowPilot");
  expect(await windowWasKept(senior)).toBe(true);
  const adminRow = admin.getByTestId("escalation-row").filter({ hasText: title });
  await expect(adminRow).toBeVisible();
  expect(await adminRow.evaluate((element) => getComputedStyle(element).transitionProperty)).toBe("none");
  await senior.screenshot({ path: testInfo.outputPath("senior-queue.png"), fullPage: true });

  // The bell's notification lands on the handoff screen.
  await senior.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await senior.getByRole("menuitem").filter({ hasText: title }).first().click();
  await expect(senior).toHaveURL(new RegExp(`${pickupLink.replace("?", "\\?")}$`));
  const handoff = senior.getByRole("region", { name: "Escalation handoff" });
  await expect(handoff).toContainText(demoUsers.junior.name);
  await expect(handoff).toContainText(reason);
  await expect(handoff).toContainText(`Re-installed the VPN client on one laptop (${tag}).`);
  await expect(senior.getByText(`Hourly drops often follow an IPsec rekey mismatch (${tag}).`)).toBeVisible();
  await expect(senior.getByRole("button", { name: "Pick up" })).toHaveCount(1);
  await senior.screenshot({ path: testInfo.outputPath("senior-handoff.png"), fullPage: true });

  // The escalator reads the same screen without a Pick up button.
  const juniorPickup = await pageAs("junior");
  await juniorPickup.goto(pickupLink);
  await expect(juniorPickup.getByRole("region", { name: "Escalation handoff" })).toContainText("You escalated this session");
  await expect(juniorPickup.getByRole("button", { name: "Pick up" })).toHaveCount(0);

  // Pick up: the senior is the handler and carries on.
  await senior.getByRole("button", { name: "Pick up" }).click();
  await senior.waitForURL(new RegExp(`/pilot/${sessionId}\\?from=escalations$`));
  await expect(senior.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await enqueueReplies(request, [{ text: `Check the phase 2 lifetime on both ends (${tag}).`, match: `lifetimes ${tag}` }]);
  await send(senior, `Picking this up; comparing the lifetimes ${tag}.`);
  await expect(senior.getByText(`Check the phase 2 lifetime on both ends (${tag}).`)).toBeVisible();
  await senior.screenshot({ path: testInfo.outputPath("senior-working.png"), fullPage: true });

  // The junior's page, never reloaded, now says who has it and is read-only for them.
  const notice = junior.getByTestId("picked-up-notice");
  await expect(notice).toContainText(`Picked up by ${demoUsers.senior.name}`);
  await expect(junior.getByRole("textbox", { name: "Message FlowPilot" })).toHaveCount(0);
  expect(await windowWasKept(junior)).toBe(true);
  await junior.screenshot({ path: testInfo.outputPath("junior-handled.png"), fullPage: true });

  // The claimed escalation leaves the admin's queue live, and the count goes back down.
  await expect(admin.getByTestId("escalation-row").filter({ hasText: title })).toHaveCount(0);
  await expectShellMatchesServer(admin);

  // The senior's email (kept in the dev mailbox without RESEND_API_KEY) carries the same deep link.
  const mailLink = senior.getByRole("listitem").filter({ hasText: title }).first().locator("iframe").contentFrame().locator(`a[href$="${pickupLink}"]`);
  await expect(async () => {
    await senior.goto("/dev/mailbox");
    await expect(mailLink.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await senior.screenshot({ path: testInfo.outputPath("senior-mailbox.png"), fullPage: true });
});

test("the second to click Pick up is told who has it", async ({ pageAs }) => {
  const tag = uniqueTag();
  const junior = await pageAs("junior");
  const created = await junior.request.post("/api/v1/ai-sessions", { data: { title: `Shared drive read-only ${tag}` } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await junior.goto(`/pilot/${id}`);
  await escalateOpenSession(junior, `Needs the storage admin (${tag}).`);

  // The owner's tab has lost its stream, so the row stays after someone else takes it.
  const owner = await pageAs("owner");
  await owner.route(/\/api\/v1\/ai-sessions\/escalations\/stream/, (route) => route.abort());
  await owner.goto("/escalations");
  const ownerRow = owner.getByTestId("escalation-row").filter({ hasText: tag });
  await expect(ownerRow.getByRole("button", { name: "Pick up" })).toBeVisible();
  await expect(owner.getByTestId("stream-status")).not.toHaveAttribute("data-state", "live");

  const senior = await pageAs("senior");
  await senior.goto("/escalations");
  await senior.getByTestId("escalation-row").filter({ hasText: tag }).getByRole("button", { name: "Pick up" }).click();
  await senior.waitForURL(new RegExp(`/pilot/${id}\\?from=escalations$`));
  await expect(senior.getByRole("textbox", { name: "Message FlowPilot" })).toBeEnabled();

  // The owner clicks too late: the server's words, then the row leaves.
  await ownerRow.getByRole("button", { name: "Pick up" }).click();
  await expect(owner.getByText(`Already picked up by ${demoUsers.senior.name}.`).first()).toBeVisible();
  await expect(ownerRow).toHaveCount(0);
  await expect(owner).toHaveURL(/\/escalations$/);
});

test("a viewer reads the queue and the handoff but has no Pick up and no stream", async ({ pageAs }) => {
  const viewer = await pageAs("viewer");
  const streamRequests: string[] = [];
  viewer.on("request", (request) => {
    if (request.url().includes("/escalations/stream")) streamRequests.push(request.url());
  });
  await viewer.goto("/escalations");
  const row = viewer.getByTestId("escalation-row").filter({ hasText: "Backup job stuck at 0% on the file server" });
  await expect(row).toContainText("Read only");
  await expect(viewer.getByRole("button", { name: "Pick up" })).toHaveCount(0);
  await expect(viewer.getByTestId("stream-status")).toHaveCount(0);

  await row.getByRole("link", { name: "Backup job stuck at 0% on the file server" }).click();
  await expect(viewer).toHaveURL(new RegExp(`/pilot/${demoSessions.requestingEscalation}\\?pickup=true&from=escalations$`));
  await expect(viewer.getByRole("region", { name: "Escalation handoff" })).toContainText("Viewers can read the handoff");
  await expect(viewer.getByRole("button", { name: "Pick up" })).toHaveCount(0);
  expect(streamRequests).toEqual([]);
});
