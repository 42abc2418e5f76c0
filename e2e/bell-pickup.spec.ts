import type { Page } from "@playwright/test";
import { demoUsers, expect, test } from "./fixtures";
import { escalateOpenSession } from "./support/escalate";
import { openNewSession, uniqueTag } from "./support/pilot-session";
import { bellUnread, expectShellMatchesServer } from "./support/shell-counts";

/**
 * F3/F5–F7 in the bell: a teammate's row says "Waiting for pickup" and is unread; once a senior
 * picks the escalation up, the senior's row says "Picked up by you", a third member's says who,
 * neither is unread, and the escalator's bell rings with "… picked up …" without a reload. Other
 * specs escalate beside this one, so counts are compared with the server's own numbers, and rows
 * are found by this run's unique title.
 */

const bellButton = (page: Page) => page.getByRole("button", { name: /^Notifications, \d+ unread$/ });

/** Opens the bell (which refetches its list) and returns this session's row. */
async function openBellRow(page: Page, title: string) {
  await bellButton(page).click();
  await expect(page.getByRole("menu", { name: "Notifications" })).toBeVisible();
  return page.getByRole("menuitem").filter({ hasText: title });
}

async function closeBell(page: Page) {
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu", { name: "Notifications" })).toBeHidden();
}

test("the bell tells waiting from picked up, counts agree with the queue, and the escalator hears of the pickup live", async ({ pageAs, requestAs }) => {
  const tag = uniqueTag("bell");
  const title = `Mapped drives vanish at logon ${tag}`;

  const senior = await pageAs("senior");
  await senior.goto("/escalations");
  await expect(senior.getByTestId("stream-status")).toHaveAttribute("data-state", "live");
  const admin = await pageAs("admin");
  await admin.goto("/pilot");

  // The junior opens a fresh session and escalates it (the package preview is the fake model's default reply).
  const junior = await pageAs("junior");
  await openNewSession(junior, await requestAs("junior"), { title, company_name: "Contoso Legal" });
  const juniorBefore = await bellUnread(junior);
  await escalateOpenSession(junior, `The drive-mapping GPO needs a senior (${tag}).`);
  await junior.evaluate(() => Object.assign(window, { __bellPickupNoReload: true }));

  // The senior's queue shows it live; the bell and the sidebar both say what the server counts.
  const queueRow = senior.getByTestId("escalation-row").filter({ hasText: title });
  await expect(queueRow).toBeVisible();
  await expectShellMatchesServer(senior);
  const waiting = await openBellRow(senior, title);
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText("Waiting for pickup");
  await expect(waiting.getByText("Unread:", { exact: true })).toHaveCount(1);
  await closeBell(senior);

  // The senior picks it up from the queue: the working page's back link returns to the queue.
  await queueRow.getByRole("button", { name: "Pick up" }).click();
  await senior.waitForURL(/\/pilot\/[0-9a-f-]{36}\?from=escalations$/);
  await expect(senior.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(senior.getByTestId("session-back-link")).toHaveText("Escalations");
  await expect(senior.getByTestId("session-back-link")).toHaveAttribute("href", "/escalations");

  // The senior's own row is resolved: "Picked up by you", not unread; the counts still agree.
  await expectShellMatchesServer(senior);
  const mine = await openBellRow(senior, title);
  await expect(mine).toContainText("Picked up by you");
  await expect(mine.getByText("Unread:", { exact: true })).toHaveCount(0);
  await closeBell(senior);

  // A third member sees who has it, and it no longer counts for them either.
  await admin.reload();
  await expectShellMatchesServer(admin);
  const theirs = await openBellRow(admin, title);
  await expect(theirs).toContainText(`Picked up by ${demoUsers.senior.name}`);
  await expect(theirs.getByText("Unread:", { exact: true })).toHaveCount(0);
  await closeBell(admin);

  // The escalator's bell rings without a reload (its stream resumes from the page's render, so
  // the pickup reaches it even if it connected late), and its row says who picked the session up.
  await expect.poll(() => bellUnread(junior)).toBeGreaterThanOrEqual(juniorBefore + 1);
  expect(await junior.evaluate(() => (window as unknown as { __bellPickupNoReload?: boolean }).__bellPickupNoReload)).toBe(true);
  const news = await openBellRow(junior, title);
  await expect(news).toContainText(`${demoUsers.senior.name} picked up “${title}”`);
  await expect(news.getByText("Unread:", { exact: true })).toHaveCount(1);
});

test("a bell notification of an escalation opens the pickup screen with a back link to Escalations", async ({ pageAs, requestAs }) => {
  const tag = uniqueTag("bell-back");
  const title = `Scanner to folder fails ${tag}`;
  const junior = await pageAs("junior");
  await openNewSession(junior, await requestAs("junior"), { title });
  await escalateOpenSession(junior, `SMB signing on the NAS (${tag}).`);

  const senior = await pageAs("senior");
  await senior.goto("/pilot");
  const row = await openBellRow(senior, title);
  await row.first().click();
  await senior.waitForURL(/\?pickup=true&from=escalations$/);
  await expect(senior.getByRole("region", { name: "Escalation handoff" })).toContainText(`SMB signing on the NAS (${tag}).`);
  await expect(senior.getByTestId("session-back-link")).toHaveText("Escalations");
  await senior.getByTestId("session-back-link").click();
  await expect(senior).toHaveURL(/\/escalations$/);
});
