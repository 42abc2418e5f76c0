import { demoSessions, expect, otherSessions, test } from "./fixtures";

/**
 * A session page that has nothing to show answers a real 404 (the existence check runs before
 * anything streams), with the not-found page; a session the viewer may read still answers 200.
 */
const missing = [
  { name: "an unknown session id", path: "/pilot/7f000000-0000-4000-8000-000000000000" },
  { name: "a malformed session id", path: "/pilot/not-a-session" },
  { name: "another tenant's session", path: `/pilot/${otherSessions.active}` },
  { name: "another tenant's session as a pickup link", path: `/pilot/${otherSessions.active}?pickup=true&from=escalations` },
];

for (const { name, path } of missing) {
  test(`${name} answers 404 with the not-found page`, async ({ pageAs }) => {
    const page = await pageAs("junior");
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "We couldn't find that" })).toBeVisible();
  });
}

test("a session the viewer may read answers 200 and renders", async ({ pageAs }) => {
  const page = await pageAs("junior");
  const response = await page.goto(`/pilot/${demoSessions.active}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Outlook prompts for a password every few minutes" })).toBeVisible();
});

test("a teammate's escalated session answers 200 on the pickup link", async ({ pageAs }) => {
  const page = await pageAs("senior");
  const response = await page.goto(`/pilot/${demoSessions.escalated}?pickup=true&from=escalations`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("region", { name: "Escalation handoff" })).toBeVisible();
  await expect(page.getByTestId("session-back-link")).toHaveText("Escalations");
});
