import { demoPassword, demoSessions, demoUsers, expect, submitLoginForm, test } from "./fixtures";

test("a signed-out deep link survives sign-in, query string included", async ({ page, baseURL }) => {
  const target = `/pilot/${demoSessions.escalated}?pickup=true`;
  await page.goto(target);

  await page.waitForURL((url) => url.pathname === "/login");
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(target);

  await submitLoginForm(page, demoUsers.senior.email, demoPassword);
  await page.waitForURL((url) => url.pathname !== "/login");
  expect(page.url()).toBe(`${baseURL}${target}`);
});
