import { expect, type Page } from "@playwright/test";

/**
 * Waits until a page has its heading, no loading indicator is left (Suspense sections, busy lists)
 * and what it fetches after hydration has arrived (a resolved session's draft-template offer). The
 * heading is looked up including hidden elements: a dialog the page opens hides the rest from
 * assistive tech.
 */
export async function settlePage(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, includeHidden: true }).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Loading\b/ })).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.waitForLoadState("networkidle");
}

/** Puts away a dialog the page opened by itself, as a person would with Escape. */
export async function closePageDialog(page: Page): Promise<void> {
  const dialog = page.getByRole("dialog");
  if (!(await dialog.isVisible())) return;
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
}
