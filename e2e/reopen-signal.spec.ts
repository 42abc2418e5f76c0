import { expect, test } from "./fixtures";
import { resolvedHistoryId, RESOLVED_HISTORY } from "../prisma/seed-resolved";

// The seeded history holds two reopened resolutions; the admin resolved the Outlook one.
const reopenedIndex = RESOLVED_HISTORY.findIndex((past) => past.reopenedAfterDays !== undefined && past.resolver === "admin");
const reopened = RESOLVED_HISTORY[reopenedIndex]!;

for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
  test(`the reopen rate and the Reopened mark show on the seeded demo at ${viewport.width}px`, async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.setViewportSize(viewport);

    await page.goto("/analytics?period=90d");
    const card = page.getByRole("region", { name: "Reopened resolutions" });
    await expect(card).toBeVisible();
    await expect(card.getByText("Reopen rate")).toBeVisible();
    await expect(card.getByText(/^\d+%$/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

    await page.goto(`/pilot?q=${encodeURIComponent(reopened.title)}`);
    const row = page.getByTestId("session-row").filter({ hasText: reopened.title });
    await expect(row.getByTestId("reopened-badge")).toBeVisible();
    await row.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/pilot/${resolvedHistoryId(reopenedIndex)}`));
    await expect(page.getByRole("heading", { level: 1, name: reopened.title })).toBeVisible();
    await expect(page.getByTestId("reopened-badge")).toContainText("Reopened");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  });
}
