import type { Page } from "@playwright/test";
import { expect, submitLoginForm, test } from "./fixtures";

/**
 * A7 end to end: the owner invites a new engineer; the invitation waits in the dev mailbox; the
 * invitee opens the link in their own browser, sets a password and lands in the app; the owner
 * makes them a viewer and their next click is read-only; the owner removes them and their sign-in
 * is refused. The invitee is new to each run, so the seeded users never change.
 */

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// The form's alert; Next's route announcer is a second role="alert" that stays empty.
const formAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

test("an owner invites, demotes and removes a new engineer", async ({ pageAs, browser, baseURL }) => {
  test.setTimeout(90_000);
  const id = tag();
  const email = `invitee-${id}@example.test`;
  const name = `Invitee ${id}`;
  const password = `joining the team ${id}`;

  const owner = await pageAs("owner");
  await owner.goto("/settings/members");
  await expect(owner.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Invite a teammate" });
  await dialog.getByLabel("Email").fill(email);
  await expect(dialog.getByLabel("Role")).toHaveValue("engineer");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  const invitationRow = owner.getByTestId("invitation-row").filter({ hasText: email });
  await expect(invitationRow).toContainText("Invited");

  // Without RESEND_API_KEY the mail is kept in the dev mailbox, where the owner sees it.
  const mail = owner.getByRole("listitem").filter({ hasText: email });
  await expect(async () => {
    await owner.goto("/dev/mailbox");
    await expect(mail.locator("iframe").contentFrame().locator('a[href^="/invite/"]')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const invitePath = await mail.locator("iframe").contentFrame().locator('a[href^="/invite/"]').getAttribute("href");
  expect(invitePath).toMatch(/^\/invite\/[\w-]{20,}$/);

  // The invitee, in a browser of their own with nobody signed in.
  const inviteeContext = await browser.newContext({ baseURL });
  const invitee = await inviteeContext.newPage();
  await invitee.goto(invitePath!);
  await expect(invitee.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(invitee.getByText("engineer", { exact: true })).toBeVisible();
  await invitee.getByLabel("Your name").fill(name);
  await invitee.getByLabel("Password", { exact: true }).fill(password);
  await invitee.getByLabel("Confirm password").fill(password);
  await invitee.getByRole("button", { name: "Join the team" }).click();
  await invitee.waitForURL((url) => url.pathname === "/pilot");
  await expect(invitee.getByRole("heading", { name: "My sessions", level: 1 })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "New session" })).toBeVisible();

  // The link was single use.
  const reuse = await browser.newContext({ baseURL });
  const again = await reuse.newPage();
  await again.goto(invitePath!);
  await expect(again.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();
  await reuse.close();

  // The owner makes them a viewer.
  await owner.goto("/settings/members");
  const memberRow = owner.getByTestId("member-row").filter({ hasText: email });
  await expect(memberRow).toContainText("Active");
  await memberRow.getByLabel(`Role of ${name}`).selectOption("viewer");
  await expect(owner.getByText(`${name} is now viewer`, { exact: true })).toBeVisible();
  await expect(memberRow.getByLabel(`Role of ${name}`)).toHaveValue("viewer");

  // Their next click is read-only.
  await invitee.reload();
  await expect(invitee.getByRole("heading", { name: "Team sessions", level: 1 })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "New session" })).toHaveCount(0);

  // The owner removes them; they can't sign in again.
  await memberRow.getByRole("button", { name: `Remove ${name}` }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(memberRow).toContainText("Removed");
  await inviteeContext.close();

  const signInContext = await browser.newContext({ baseURL });
  const signIn = await signInContext.newPage();
  await signIn.goto("/login");
  await submitLoginForm(signIn, email, password);
  await expect(formAlert(signIn)).toHaveText("This account has been removed from its team. Ask your team owner to restore it.");
  await signInContext.close();
});

test("engineers get the usual refusal on the members page", async ({ pageAs }) => {
  const junior = await pageAs("junior");
  await junior.goto("/settings/members");
  await expect(junior.getByRole("heading", { name: "Members are managed by owners and admins" })).toBeVisible();
  await expect(junior.getByRole("button", { name: "Invite" })).toHaveCount(0);
});
