import { demoSessions, demoUsers, expect, signInAs, test } from "./fixtures";
import { expectShellMatchesServer } from "./support/shell-counts";

// The escalation flow (escalation-flow.spec.ts) may run beside these, adding an escalation and a
// bell notification for every teammate, and the reminder sweep may add more; so counts are checked
// against the server's own numbers, with the seed as a floor.

test("the junior signs in to the shell with the seeded counts", async ({ page }) => {
  await signInAs(page, "junior");
  await expect(page).toHaveURL(/\/pilot$/);

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Pilot", "Escalations", "Tickets", "Scripts", "Knowledge", "Analytics", "Settings"]) {
    await expect(nav.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: /^Pilot/ })).toHaveAttribute("aria-current", "page");
  // Seed: one escalated and one legacy requesting_escalation session, one pending draft template.
  const counts = await expectShellMatchesServer(page);
  expect(counts.escalations).toBeGreaterThanOrEqual(2);
  expect(Number(await page.getByRole("complementary", { name: "Sidebar" }).getByTestId("nav-count-scripts").textContent())).toBeGreaterThanOrEqual(1);
  // The junior escalated them, so no escalation rings for the junior; only a teammate's pickup of
  // one of the junior's escalations (other specs pick some up) can, and the bell matched the server above.
  await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(page.getByRole("menuitem", { name: /^Unread: .* escalated / })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await expect(page.getByRole("heading", { name: "My sessions" })).toBeVisible();
  // Other specs start sessions for the junior beside this one, which can push the seeded one off
  // page 1; searching finds it wherever it sits.
  await page.getByRole("searchbox", { name: "Search sessions" }).fill("prompts for a password");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Outlook prompts for a password every few minutes")).toBeVisible();
});

test("a teammate's bell lists the escalation and lands on the handoff screen", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/pilot");
  const before = await expectShellMatchesServer(page);
  expect(before.unreadNotifications).toBeGreaterThanOrEqual(2);

  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  // Unread rows start with a hidden "Unread:"; a reminder for the same session may sit beside the first one.
  const unreadBackup = page.getByRole("menuitem", { name: /^Unread: .*Backup job stuck at 0% on the file server/ });
  await bell.click();
  await expect(unreadBackup.first()).toBeVisible();
  const unreadBefore = await unreadBackup.count();
  await unreadBackup.first().click();

  await expect(page).toHaveURL(new RegExp(`/pilot/${demoSessions.requestingEscalation}\\?pickup=true&from=escalations$`));
  const handoff = page.getByRole("region", { name: "Escalation handoff" });
  await expect(handoff).toContainText(demoUsers.junior.name);
  await expect(handoff).toContainText("Vendor support case needed");
  // The notification is read now, and the bell says what the server counts.
  await expectShellMatchesServer(page);
  await bell.click();
  await expect(page.getByRole("menuitem", { name: /Backup job stuck at 0% on the file server/ }).first()).toBeVisible();
  await expect(unreadBackup).toHaveCount(unreadBefore - 1);
});

test("the user menu signs out", async ({ page }) => {
  // A sign-in of its own: signing out ends it on the server, and the viewer's stored one serves other specs.
  await signInAs(page, "viewer");
  await page.goto("/pilot");
  await page.getByRole("button", { name: `Account menu for ${demoUsers.viewer.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/pilot");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpilot/);
});
