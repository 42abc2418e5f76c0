import { expect, type Page } from "@playwright/test";

/**
 * Waits until a page has its heading and nothing says it is busy: no loading indicator (Suspense
 * sections, busy lists) and no `aria-busy` element, which is also how what a page fetches after
 * hydration (a resolved session's draft-template offer) says it hasn't arrived. The heading is
 * looked up including hidden elements: a dialog the page opens hides the rest from assistive tech.
 * Not "network idle": live counts refetch on every event, so a busy team's page never goes quiet.
 */
export async function settlePage(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, includeHidden: true }).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Loading\b/ })).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Puts away a dialog the page opened by itself, as a person would with Escape. */
export async function closePageDialog(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog");
  if (!(await dialog.isVisible())) return;
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}
