import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { submitLoginForm } from "./sign-in";

/** Someone who joined the demo team for one test alone, so ending their sign-ins touches nobody else. */
export type NewMember = { email: string; name: string; password: string };

const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Invites a new engineer as the owner (API), reads the link from the owner's dev mailbox (the
 * invitee has none) and accepts it (API), as the invitation page would.
 */
export async function createMember(owner: { request: APIRequestContext; page: Page }, label = "member"): Promise<NewMember> {
  const id = tag();
  const member = { email: `${label}-${id}@example.test`, name: `${label[0]!.toUpperCase()}${label.slice(1)} ${id}`, password: `a long password ${id}` };
  const invited = await owner.request.post("/api/v1/members/invitations", { data: { email: member.email, role: "engineer" } });
  expect(invited.status()).toBe(201);
  // Each mail's HTML sits in its own sandboxed frame; the card around it names the recipient.
  const link = owner.page.getByRole("listitem").filter({ hasText: member.email }).locator("iframe").contentFrame().locator('a[href^="/invite/"]');
  await expect(async () => {
    await owner.page.goto("/dev/mailbox");
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const token = (await link.getAttribute("href"))!.split("/").pop();
  const accepted = await owner.request.post(`/api/v1/invitations/${token}/accept`, { data: { name: member.name, password: member.password } });
  expect(accepted.status()).toBe(201);
  return member;
}

/** A browser of its own (no stored state), signed in as `member` through the login form. */
export async function signInNewBrowser(browser: Browser, baseURL: string | undefined, member: NewMember): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/login");
  await submitLoginForm(page, member.email, member.password);
  await page.waitForURL((url) => url.pathname === "/pilot");
  return { context, page };
}
