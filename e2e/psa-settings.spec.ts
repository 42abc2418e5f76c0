import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { cwSimulatorUrl, simulatorCredentials } from "./support/connectwise";

/**
 * Settings → PSA against the ConnectWise simulator. The owner enters exactly what the seed
 * configured (the simulator's URL and credentials), so every other spec's PSA keeps working while
 * this runs beside them, and picks the target statuses the seed set (Help Desk "Resolved" and
 * "Escalated"), visiting another board's statuses on the way without saving them.
 */

const { companyId, publicKey, privateKey, clientId } = simulatorCredentials;

function psaSection(page: Page) {
  return page.getByRole("region", { name: "ConnectWise PSA" });
}

/** Fills a key box, opening it first when a key is already stored ("••••1234 stored" + Replace). */
async function fillKey(page: Page, label: "Public API key" | "Private API key", value: string) {
  const replace = psaSection(page).getByRole("button", { name: `Replace ${label.toLowerCase()}` });
  if (await replace.isVisible()) await replace.click();
  await psaSection(page).getByLabel(label).fill(value);
}

test("the owner connects ConnectWise, tests it and picks the target statuses from a board's real statuses", async ({ pageAs, requestAs }) => {
  const page = await pageAs("owner");
  await page.goto("/settings");
  const section = psaSection(page);
  // The controls stay disabled until the page has hydrated, so nothing typed before is lost.
  await expect(section.getByRole("button", { name: "Save connection" })).toBeEnabled();

  await section.getByLabel("Site").fill(cwSimulatorUrl());
  await section.getByLabel("Company id").fill(companyId);
  await fillKey(page, "Public API key", publicKey);
  await fillKey(page, "Private API key", privateKey);
  await section.getByLabel("Client id").fill(clientId);
  await section.getByRole("button", { name: "Save connection" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  // The typed keys are gone from the form; only their last 4 characters are shown.
  await expect(section.getByText(`••••${privateKey.slice(-4)} stored`)).toBeVisible();
  await expect(section.getByText(`••••${publicKey.slice(-4)} stored`)).toBeVisible();

  await section.getByRole("button", { name: "Test connection" }).click();
  const result = section.getByTestId("psa-test-result");
  await expect(result.getByText("Connected", { exact: true })).toBeVisible();
  await expect(result).toContainText("ConnectWise v2025.1");
  await expect(result).toContainText("Tested");

  await page.reload();
  await expect(psaSection(page).getByTestId("psa-test-result").getByText("Connected", { exact: true })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(privateKey);
  expect(html).not.toContain(publicKey);

  const api = await requestAs("owner");
  const response = await api.get("/api/v1/psa/connection");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toContain(privateKey);
  expect(text).not.toContain(publicKey);
  expect(JSON.parse(text).connection).toMatchObject({ site_url: cwSimulatorUrl(), private_key_last4: privateKey.slice(-4), last_test_ok: true });

  const statuses = page.getByRole("region", { name: "ConnectWise ticket statuses" });
  const resolvedBoard = statuses.getByLabel("Resolved status board");
  const resolvedStatus = statuses.getByLabel("Resolved status", { exact: true });
  await expect(resolvedBoard).toBeEnabled();
  // Another board has its own statuses under the same names, with other ids.
  await resolvedBoard.selectOption({ label: "Escalations" });
  await expect(resolvedStatus.locator("option", { hasText: "Escalated" })).toHaveAttribute("value", "202");
  await resolvedBoard.selectOption({ label: "Help Desk" });
  await expect(resolvedStatus.locator("option", { hasText: "Waiting on Customer" })).toHaveAttribute("value", "103");
  await expect(resolvedStatus.locator("option", { hasText: "On Hold (retired)" })).toHaveCount(0);
  await resolvedStatus.selectOption({ label: "Resolved (closes the ticket)" });
  await statuses.getByRole("button", { name: "Save resolved status" }).click();
  await expect(statuses.getByRole("status").filter({ hasText: "Saved: “Resolved”" })).toBeVisible();

  const escalatedBoard = statuses.getByLabel("Escalated status board");
  await escalatedBoard.selectOption({ label: "Escalations" });
  await escalatedBoard.selectOption({ label: "Help Desk" });
  await statuses.getByLabel("Escalated status", { exact: true }).selectOption({ label: "Escalated" });
  await statuses.getByRole("button", { name: "Save escalated status" }).click();
  await expect(statuses.getByRole("status").filter({ hasText: "Saved: “Escalated”" })).toBeVisible();

  await page.reload();
  const reloaded = page.getByRole("region", { name: "ConnectWise ticket statuses" });
  await expect(reloaded.getByTestId("psa-target-resolved-current")).toHaveText("Currently “Resolved” on Help Desk.");
  await expect(reloaded.getByTestId("psa-target-escalated-current")).toHaveText("Currently “Escalated” on Help Desk.");
  await expect(reloaded.getByLabel("Resolved status", { exact: true })).toHaveValue("105");
  const preferences = await (await api.get("/api/v1/accounts/me/preferences")).json();
  expect(preferences).toMatchObject({ cw_resolved_status_id: 105, cw_escalated_status_id: 104 });
});

test("an engineer sees the connection status without keys, and their ConnectWise member matched by email", async ({ pageAs, requestAs }) => {
  const page = await pageAs("junior");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/settings");
  const section = psaSection(page);
  await expect(section.getByText(cwSimulatorUrl())).toBeVisible();
  await expect(section.getByTestId("psa-test-result")).toBeVisible();
  await expect(section.getByText("stored")).toHaveCount(0);
  await expect(section.getByLabel("Private API key")).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Test connection" })).toHaveCount(0);

  const member = page.getByRole("region", { name: "You in ConnectWise" });
  await expect(member.getByTestId("psa-member-current")).toHaveText("Matched by your email: Jamie Junior (jjunior)");
  await expect(member.getByTestId("psa-member-picker")).toBeEnabled();
  // 390 px: the PSA sections fit the screen and nothing in them scrolls sideways.
  for (const region of [section, member]) {
    expect((await region.boundingBox())!.width).toBeLessThanOrEqual(390);
    expect(await region.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  }

  const api = await requestAs("junior");
  expect((await api.get("/api/v1/psa/connection")).status()).toBe(403);
});
