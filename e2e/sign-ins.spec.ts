import type { APIRequestContext, Page } from "@playwright/test";
import { expect, submitLoginForm, test } from "./fixtures";
import { createMember, signInNewBrowser, type NewMember } from "./support/new-member";

/**
 * Revocable sign-ins (issue 14, finding 1), tried as a new member would: every sign-in is a row
 * the server can end, so a signed-out cookie stops working, and "Sign out everywhere", a revoke
 * in Settings → Security, a password change and an owner's action on a member each sign the
 * other browsers out on their next click. Every test has its own new member, so the stored
 * sign-ins of the demo users (and the specs running beside this one) are never touched.
 */

const sessionCookie = "authjs.session-token";

// Each test invites a member and signs in three to five times (argon2 each): more than the default minute on a busy machine.
test.describe.configure({ timeout: 90_000 });

type Openers = { pageAs: (role: "owner") => Promise<Page>; requestAs: (role: "owner") => Promise<APIRequestContext> };

/** A member of this test alone, invited by the demo owner. */
async function newMember({ pageAs, requestAs }: Openers) {
  return createMember({ page: await pageAs("owner"), request: await requestAs("owner") });
}

/** A click on a sidebar link to a page the browser isn't on: the server answers, so an ended sign-in shows. */
async function clickNav(page: Page, label: "Escalations" | "Scripts", options: { timeout?: number } = {}) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click(options);
}

const onLoginPage = (url: URL) => url.pathname === "/login";

/**
 * The browser's next click lands on /login. Its live stream may get there first: a heartbeat that
 * finds the sign-in ended sends `access_revoked` and the shell re-renders to /login on its own,
 * leaving no sidebar to click. Either way the ended sign-in shows, which is what is checked.
 */
async function expectSignedOutOnNextClick(page: Page) {
  if (!onLoginPage(new URL(page.url()))) {
    await clickNav(page, "Escalations", { timeout: 5_000 }).catch((error: unknown) => {
      if (!onLoginPage(new URL(page.url()))) throw error;
    });
  }
  await page.waitForURL(onLoginPage);
  await expect(page.getByRole("heading", { name: "Sign in to FlowPilot" })).toBeVisible();
}

/** A browser that must still be signed in opens Scripts (never the page the signed-out check clicks). */
async function expectStillSignedIn(page: Page) {
  await clickNav(page, "Scripts");
  await expect(page.getByRole("heading", { name: "Scripts", level: 1 })).toBeVisible();
}

async function openUserMenu(page: Page, member: NewMember) {
  await page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
}

test("a signed-out cookie stops working: the API answers 401 and pages send it to /login", async ({ browser, baseURL, playwright, pageAs, requestAs }) => {
  const member = await newMember({ pageAs, requestAs });
  const { context, page } = await signInNewBrowser(browser, baseURL, member);
  const cookie = (await context.cookies()).find((entry) => entry.name === sessionCookie);
  expect(cookie?.value).toBeTruthy();
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${sessionCookie}=${cookie!.value}` } });
  // While signed in, the copied cookie works: the 401 below is the sign-out's doing.
  expect((await replay.get("/api/v1/me")).status()).toBe(200);

  await openUserMenu(page, member);
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await page.waitForURL(onLoginPage);

  const me = await replay.get("/api/v1/me");
  expect(me.status()).toBe(401);
  expect((await me.json()) as unknown).toMatchObject({ error: { code: "unauthenticated" } });
  const pilot = await replay.get("/pilot", { maxRedirects: 0 });
  expect(pilot.status()).toBeGreaterThanOrEqual(300);
  expect(pilot.status()).toBeLessThan(400);
  expect(new URL(pilot.headers()["location"] ?? "", baseURL).pathname).toBe("/login");
  await replay.dispose();
  await context.close();
});

test("Sign out everywhere from the user menu signs the other browser out on its next click", async ({ browser, baseURL, pageAs, requestAs }) => {
  const member = await newMember({ pageAs, requestAs });
  const first = await signInNewBrowser(browser, baseURL, member);
  const second = await signInNewBrowser(browser, baseURL, member);

  await openUserMenu(second.page, member);
  await second.page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
  const confirm = second.page.getByRole("alertdialog", { name: "Sign out everywhere?" });
  await expect(confirm).toContainText("this one too");
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await second.page.waitForURL(onLoginPage);

  await expectSignedOutOnNextClick(first.page);
  await Promise.all([first.context.close(), second.context.close()]);
});

test("Settings → Security lists both browsers; revoking the other signs it out, revoking this one signs me out", async ({ browser, baseURL, pageAs, requestAs }) => {
  const member = await newMember({ pageAs, requestAs });
  const other = await signInNewBrowser(browser, baseURL, member);
  const here = await signInNewBrowser(browser, baseURL, member);

  await here.page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
  await here.page.getByRole("menuitem", { name: "Settings" }).click();
  await here.page.getByRole("navigation", { name: "Settings pages" }).getByRole("link", { name: "Security" }).click();
  await expect(here.page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  const rows = here.page.getByTestId("sign-in-row");
  await expect(rows).toHaveCount(2);
  const thisBrowser = rows.filter({ hasText: "This browser" });
  await expect(thisBrowser).toHaveCount(1);
  await expect(thisBrowser).toContainText("Active now");
  await expect(thisBrowser).toContainText(/Chrome(ium)? \d+ on Linux/);

  const otherRow = rows.filter({ hasNotText: "This browser" });
  await otherRow.getByRole("button", { name: /^Revoke / }).click();
  const confirmOther = here.page.getByRole("alertdialog");
  await expect(confirmOther).toContainText("signed out on its next click");
  await confirmOther.getByRole("button", { name: "Revoke sign-in" }).click();
  await expect(here.page.getByText(/^The sign-in on .+ was revoked$/)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expectSignedOutOnNextClick(other.page);

  await thisBrowser.getByRole("button", { name: /^Revoke / }).click();
  const confirmHere = here.page.getByRole("alertdialog", { name: "Sign out this browser?" });
  await expect(confirmHere).toContainText("signs you out here now");
  await confirmHere.getByRole("button", { name: "Sign out this browser" }).click();
  await here.page.waitForURL(onLoginPage);
  await here.page.goto("/settings/security");
  await here.page.waitForURL(onLoginPage);
  await Promise.all([other.context.close(), here.context.close()]);
});

test("changing the password: the server's refusal shows; success ends the other sign-in and the new password works", async ({ browser, baseURL, pageAs, requestAs }) => {
  const member = await newMember({ pageAs, requestAs });
  const other = await signInNewBrowser(browser, baseURL, member);
  const here = await signInNewBrowser(browser, baseURL, member);
  const newPassword = `${member.password} renewed`;

  await here.page.goto("/settings/security");
  const form = here.page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText("Your current password is not right.");
  await expectStillSignedIn(other.page);

  await form.getByLabel("Current password").fill(member.password);
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. 1 other sign-in was ended; this browser stays signed in.");
  await expect(here.page.getByTestId("sign-in-row")).toHaveCount(1);

  await expectSignedOutOnNextClick(other.page);
  await submitLoginForm(other.page, member.email, member.password);
  await expect(other.page.getByRole("alert").filter({ hasText: "don't match" })).toHaveText("That email and password don't match an account.");
  await submitLoginForm(other.page, member.email, newPassword);
  await other.page.waitForURL((url) => url.pathname === "/escalations");
  await expectStillSignedIn(here.page);
  await expect(here.page).toHaveURL(/\/scripts$/);
  await Promise.all([other.context.close(), here.context.close()]);
});

test("an owner signs a member out everywhere from Settings → Members", async ({ browser, baseURL, pageAs, requestAs }) => {
  const owner = await pageAs("owner");
  const member = await createMember({ page: owner, request: await requestAs("owner") });
  const laptop = await signInNewBrowser(browser, baseURL, member);
  const phone = await signInNewBrowser(browser, baseURL, member);

  await owner.goto("/settings/members");
  const row = owner.getByTestId("member-row").filter({ hasText: member.email });
  await row.getByRole("button", { name: `Sign out ${member.name} everywhere` }).click();
  const confirm = owner.getByRole("alertdialog", { name: `Sign ${member.name} out everywhere?` });
  await confirm.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(owner.getByText(`${member.name} was signed out of 2 browsers`, { exact: true })).toBeVisible();
  await expect(row).toContainText("Active");

  await expectSignedOutOnNextClick(laptop.page);
  await expectSignedOutOnNextClick(phone.page);
  await Promise.all([laptop.context.close(), phone.context.close()]);
});
