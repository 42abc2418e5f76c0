import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { demoUsers } from "../../prisma/seed-data";

/** The demo roles that get a stored sign-in (the removed user cannot sign in). */
export const roles = ["junior", "senior", "owner", "admin", "viewer"] as const;
export type Role = (typeof roles)[number];

/** The password the server seeded the demo users with (scripts/dev.ts reads the same variable). */
export const demoPassword = process.env.DEMO_PASSWORD || "flowpilot-demo";

/** Where global setup keeps the signed-in browser state of `role` (git-ignored). */
export function authFile(role: Role): string {
  return path.join(__dirname, "..", ".auth", `${role}.json`);
}

/** Fills and submits the real login form on the current page, as a person would. */
export async function submitLoginForm(page: Page, email: string, password: string): Promise<void> {
  const signIn = page.getByRole("button", { name: "Sign in", exact: true });
  await expect(signIn).toBeEnabled();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await signIn.click();
}

/** Opens /login and signs in as the demo user of `role`; resolves once the app has left /login. */
export async function signInAs(page: Page, role: Role): Promise<void> {
  await page.goto("/login");
  await submitLoginForm(page, demoUsers[role].email, demoPassword);
  await page.waitForURL((url) => url.pathname !== "/login");
}
