import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { demoSessions, demoUsers, expect, test } from "./fixtures";

/**
 * "Sign in with Microsoft" against the fake Entra ID that playwright.config.ts starts and points
 * the app at (tests/fakes/oidc-server.ts). The fake serves a self-signed certificate.
 */
test.use({ ignoreHTTPSErrors: true });

const sessionCookie = "authjs.session-token";
const fakeEntraUrl = () => {
  const url = process.env.E2E_FAKE_ENTRA_URL;
  if (!url) throw new Error("E2E_FAKE_ENTRA_URL is not set; run through playwright.config.ts.");
  return url;
};

// The form's alert; Next's route announcer is a second role="alert" that stays empty.
const formAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

/** From the app's login page: Microsoft's (the fake's) sign-in page, filled in and submitted. */
async function signInWithMicrosoft(page: Page, person: { email: string; name?: string; upnOnly?: boolean }) {
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.waitForURL((url) => url.origin === fakeEntraUrl());
  await page.getByRole("textbox", { name: "Email" }).fill(person.email);
  if (person.name) await page.getByLabel("Display name").fill(person.name);
  if (person.upnOnly) await page.getByLabel("No email claim (the UPN only)").check();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.origin !== fakeEntraUrl());
}

const sessionCookieOf = async (page: Page) => (await page.context().cookies()).find((cookie) => cookie.name === sessionCookie);

test.describe("signing in with Microsoft Entra ID", () => {
  test("an invited person signs in with Microsoft and lands on their deep link", async ({ page, requestAs, baseURL }) => {
    const owner = await requestAs("owner");
    const email = `entra-invitee-${randomUUID().slice(0, 8)}@demo-msp.test`;
    const invited = await owner.post("/api/v1/members/invitations", { data: { email, role: "viewer" } });
    expect(invited.status()).toBe(201);

    const deepLink = `/pilot/${demoSessions.active}?from=invitation`;
    await page.goto(deepLink);
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(deepLink);

    await signInWithMicrosoft(page, { email, name: "Eve Entra" });
    await page.waitForURL(`${baseURL}${deepLink}`);
    expect(await sessionCookieOf(page)).toBeDefined();

    // The invitation made a member with its role and the name Microsoft sent, signed in just now.
    const listed = await owner.get("/api/v1/members");
    expect(listed.status()).toBe(200);
    const { members } = (await listed.json()) as { members: { email: string; name: string; role: string; state: string; last_sign_in_at: string | null }[] };
    const member = members.find((row) => row.email === email);
    expect(member).toMatchObject({ name: "Eve Entra", role: "viewer", state: "active", last_sign_in_at: expect.any(String) });
  });

  test("an email FlowPilot doesn't know is refused with a sentence saying why", async ({ page }) => {
    await page.goto("/login");
    await signInWithMicrosoft(page, { email: `stranger-${randomUUID().slice(0, 8)}@elsewhere.test` });
    await page.waitForURL((url) => url.pathname === "/login");
    await expect(formAlert(page)).toHaveText(
      "No FlowPilot account uses that Microsoft account. Ask your team's owner for an invitation.",
    );
    expect(await sessionCookieOf(page)).toBeUndefined();
  });

  test("a removed user is refused", async ({ page }) => {
    await page.goto("/login");
    await signInWithMicrosoft(page, { email: demoUsers.removed.email });
    await page.waitForURL((url) => url.pathname === "/login");
    await expect(formAlert(page)).toHaveText("This account has been removed from its team. Ask your team owner to restore it.");
    expect(await sessionCookieOf(page)).toBeUndefined();
  });

  test("an existing user signs in with Microsoft, matched by the UPN when the token has no email", async ({ page, baseURL }) => {
    await page.goto("/login");
    await signInWithMicrosoft(page, { email: demoUsers.junior.email, upnOnly: true });
    await page.waitForURL((url) => url.pathname === "/pilot");
    expect(page.url()).toBe(`${baseURL}/pilot`);
    await expect(page.getByRole("button", { name: "Sign in with Microsoft" })).toHaveCount(0);
  });
});
