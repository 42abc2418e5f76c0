import { expect, type Page } from "@playwright/test";

export type ShellCounts = { escalations: number; pendingDrafts: number; unreadNotifications: number };

/** The server's shell counts for the page's signed-in user (GET /api/v1/shell/counts, the page's cookies). */
export async function serverCounts(page: Page): Promise<ShellCounts> {
  const response = await page.request.get("/api/v1/shell/counts");
  expect(response.ok(), `GET /api/v1/shell/counts answered ${response.status()}`).toBe(true);
  return (await response.json()) as ShellCounts;
}

/** The unread count the bell button announces ("Notifications, 3 unread"). */
export async function bellUnread(page: Page): Promise<number> {
  const label = await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).getAttribute("aria-label");
  return Number(/(\d+) unread/.exec(label ?? "")?.[1] ?? Number.NaN);
}

/**
 * Waits until the shell's live numbers (the escalations count and the bell) show what the server
 * counts. Other specs (and the reminder sweep) may add escalations and notifications while this
 * runs, so the shell is compared with the server's own numbers, read alongside, rather than with
 * fixed seeded ones. The page is never reloaded, so a match after a change proves it is live.
 */
export async function expectShellMatchesServer(page: Page): Promise<ShellCounts> {
  let counts: ShellCounts | undefined;
  await expect
    .poll(async () => {
      counts = await serverCounts(page);
      // The sidebar's own copy: while a streamed part of the page is still being swapped in, React
      // holds a second, hidden copy of the nav list at the end of the body.
      const sidebar = page.getByRole("complementary", { name: "Sidebar" });
      const escalations = Number(await sidebar.getByTestId("nav-count-escalations").textContent());
      return escalations === counts.escalations && (await bellUnread(page)) === counts.unreadNotifications;
    }, { message: "the sidebar's escalations count and the bell match GET /api/v1/shell/counts" })
    .toBe(true);
  return counts!;
}
