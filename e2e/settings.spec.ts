import { expect, test } from "./fixtures";

const templatize = { name: "Offer to save working fixes as team templates" };

test("an owner's template-prompt toggle survives a reload", async ({ pageAs }) => {
  const page = await pageAs("owner");
  await page.goto("/settings");
  const toggle = page.getByRole("switch", templatize);
  await expect(toggle).toBeEnabled();
  const before = await toggle.getAttribute("aria-checked");
  const after = before === "true" ? "false" : "true";

  await toggle.click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", templatize)).toHaveAttribute("aria-checked", after);

  // Put it back so the demo data stays as seeded.
  await page.getByRole("switch", templatize).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", templatize)).toHaveAttribute("aria-checked", before!);
});

test("an admin sees the server's reason when a value is refused", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/settings");
  await page.getByLabel("Slack webhook URL").fill("http://hooks.slack.com/services/not-https");
  await page.getByRole("button", { name: "Save Slack webhook URL" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Webhook URLs must start with https://" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Slack webhook URL")).toHaveValue("");
});

test("a viewer sees the preferences read-only and cannot change them", async ({ pageAs, requestAs }) => {
  const page = await pageAs("viewer");
  await page.goto("/settings");
  await expect(page.getByText("Only owners and admins can change these settings", { exact: false })).toBeVisible();
  await expect(page.getByRole("switch", templatize)).toBeDisabled();

  const api = await requestAs("viewer");
  const refused = await api.patch("/api/v1/accounts/me/preferences", { data: { templatize_prompt_enabled: false } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
});
