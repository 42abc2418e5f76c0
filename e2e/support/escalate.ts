import { expect, type Page } from "@playwright/test";

/**
 * Escalates the session open on `page` the way an engineer does: "Escalate instead", read the
 * package preview, say why, "Escalate to the team". Returns the session id once the page shows
 * the session waiting for pickup.
 */
export async function escalateOpenSession(page: Page, reason: string): Promise<{ sessionId: string }> {
  const sessionId = /\/pilot\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!sessionId) throw new Error(`Not on a session page: ${page.url()}`);
  await page.getByRole("button", { name: "Escalate instead" }).click();
  const dialog = page.getByRole("dialog", { name: "Escalation package" });
  await expect(dialog.getByTestId("preview-markdown")).toBeVisible();
  await dialog.getByLabel("Why does this need a senior?").fill(reason);
  await dialog.getByRole("button", { name: "Escalate to the team" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("waiting-for-pickup")).toBeVisible();
  return { sessionId };
}
