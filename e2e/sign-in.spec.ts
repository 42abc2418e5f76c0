import type { Page } from "@playwright/test";
import { demoPassword, demoUsers, expect, submitLoginForm, test } from "./fixtures";

const sessionCookie = "authjs.session-token";

// The form's alert; Next's route announcer is a second role="alert" that stays empty.
const formAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

test.describe("signing in with email and password", () => {
  test("a junior engineer signs in through the form and lands on /pilot", async ({ page, context }) => {
    await page.goto("/login");
    await submitLoginForm(page, demoUsers.junior.email, demoPassword);
    await page.waitForURL((url) => url.pathname === "/pilot");
    expect(new URL(page.url()).search).toBe("");
    await expect(page.getByLabel("Password")).toHaveCount(0);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === sessionCookie)?.httpOnly).toBe(true);
  });

  test("a wrong password is refused with a message and no session", async ({ page, context }) => {
    await page.goto("/login");
    await submitLoginForm(page, demoUsers.junior.email, "not-the-password");
    await expect(formAlert(page)).toHaveText("That email and password don't match an account.");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(sessionCookie);
  });

  test("a removed engineer with the right password is told the account was removed", async ({ page, context }) => {
    await page.goto("/login");
    await submitLoginForm(page, demoUsers.removed.email, demoPassword);
    await expect(formAlert(page)).toHaveText(
      "This account has been removed from its team. Ask your team owner to restore it.",
    );
    expect(new URL(page.url()).pathname).toBe("/login");
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(sessionCookie);
  });
});
