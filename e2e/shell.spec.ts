import { demoSessions, demoUsers, expect, signInAs, test } from "./fixtures";

test("the junior signs in to the shell with the seeded counts", async ({ page }) => {
  await signInAs(page, "junior");
  await expect(page).toHaveURL(/\/pilot$/);

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Pilot", "Escalations", "Tickets", "Scripts", "Analytics", "Settings"]) {
    await expect(nav.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: /^Pilot/ })).toHaveAttribute("aria-current", "page");
  // Seed: one escalated and one legacy requesting_escalation session, one pending draft template.
  await expect(page.getByTestId("nav-count-escalations")).toHaveText("2");
  await expect(page.getByTestId("nav-count-scripts")).toHaveText("1");
  // The junior escalated them, so nothing rings for the junior.
  await expect(page.getByRole("button", { name: "Notifications, 0 unread" })).toBeVisible();
  await expect(page.getByTestId("bell-count")).toHaveCount(0);

  await expect(page.getByRole("heading", { name: "My sessions" })).toBeVisible();
  await expect(page.getByText("Outlook prompts for a password every few minutes")).toBeVisible();
});

test("a teammate's bell lists the escalation and lands on the handoff screen", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/pilot");
  await expect(page.getByTestId("bell-count")).toHaveText("2");

  await page.getByRole("button", { name: "Notifications, 2 unread" }).click();
  const item = page.getByRole("menuitem", { name: /Backup job stuck at 0% on the file server/ });
  await expect(item).toBeVisible();
  await item.click();

  await expect(page).toHaveURL(new RegExp(`/pilot/${demoSessions.requestingEscalation}\\?pickup=true$`));
  const handoff = page.getByRole("region", { name: "Escalation handoff" });
  await expect(handoff).toContainText(demoUsers.junior.name);
  await expect(handoff).toContainText("Vendor support case needed");
  await expect(page.getByTestId("bell-count")).toHaveText("1");
});

test("the user menu signs out", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await page.goto("/pilot");
  await page.getByRole("button", { name: `Account menu for ${demoUsers.viewer.name}` }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/pilot");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpilot/);
});
