import { expect, test } from "./fixtures";

/**
 * Runs in the account-settings project (after the other flows): it changes the team's re-notify
 * interval, which nothing else relies on, and puts it back.
 */
const renotify = "Re-notify after (minutes)";
const sentence = (from: number, to: number) => `Olivia Owner changed re-notify after (minutes) from ${from} to ${to}`;

test("an owner's preference change is in Settings → Audit, with its before and after", async ({ pageAs, requestAs }) => {
  const owner = await requestAs("owner");
  const original = ((await (await owner.get("/api/v1/accounts/me/preferences")).json()) as { escalation_renotify_minutes: number }).escalation_renotify_minutes;
  const changed = original === 47 ? 48 : 47;

  const page = await pageAs("owner");
  try {
    await page.goto("/settings");
    await page.getByLabel(renotify).fill(String(changed));
    await page.getByRole("button", { name: `Save ${renotify}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    await page.getByRole("navigation", { name: "Settings pages" }).getByRole("link", { name: "Audit" }).click();
    await expect(page).toHaveURL(/\/settings\/audit$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    const trail = page.getByRole("region", { name: "Audit events" });
    const row = trail.getByRole("row").filter({ hasText: sentence(original, changed) }).first();
    await expect(row).toBeVisible();
    await expect(row.getByRole("cell").nth(1)).toHaveText("Olivia Owner");
    await expect(row).toContainText("Preferences");

    await row.locator("summary").click();
    const diff = row.getByRole("definition");
    await expect(row.getByRole("term")).toHaveText(renotify);
    await expect(diff.locator("del")).toHaveText(String(original));
    await expect(diff.locator("ins")).toHaveText(String(changed));
  } finally {
    const restored = await owner.patch("/api/v1/accounts/me/preferences", { data: { escalation_renotify_minutes: original } });
    expect(restored.status()).toBe(200);
  }

  // The put-back is an event too, listed above the change (newest first).
  await page.reload();
  const sentences = await page.getByRole("region", { name: "Audit events" }).getByRole("row").allInnerTexts();
  const restoredAt = sentences.findIndex((text) => text.includes(sentence(changed, original)));
  const changedAt = sentences.findIndex((text) => text.includes(sentence(original, changed)));
  expect(restoredAt).toBeGreaterThan(0);
  expect(changedAt).toBeGreaterThan(restoredAt);
});

test("a viewer can't read the audit trail, in the page or the API", async ({ pageAs, requestAs }) => {
  const page = await pageAs("viewer");
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "The audit trail is for owners and admins" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Audit events" })).toHaveCount(0);

  const refused = await (await requestAs("viewer")).get("/api/v1/audit-events");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
});
