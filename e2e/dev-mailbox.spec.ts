import type { Browser } from "@playwright/test";
import { demoAccount, demoUsers, expect, test } from "./fixtures";
import { withDatabase } from "./support/database";
import { authFile } from "./support/sign-in";

/**
 * Issue 14, finding 5: the dev mailbox shows each mail's HTML in a sandboxed frame, so a mail whose
 * HTML carries script (no template writes one today; a future one might) runs none of it in the
 * app, even where the page's CSP would not stop it. A person can still follow the mail's links.
 */

const tag = `${Date.now()}`;
const subject = `Hostile mail ${tag}`;
const hostileHtml = [
  `<p>Mail body ${tag}</p>`,
  `<script>window.top.mailScriptRan = "script"; alert("script")</script>`,
  `<img src="/missing-${tag}.png" alt="" onerror="window.top.mailScriptRan = 'onerror'; alert('onerror')">`,
  `<p><a href="/escalations">Open the escalations</a></p>`,
].join("");

test.beforeAll(async () => {
  await withDatabase((client) =>
    client.query(
      `insert into notification_deliveries (id, account_id, recipient_user_id, channel, status, idempotency_key, payload, sent_at, updated_at)
       values (gen_random_uuid(), $1, $2, 'email', 'sent', $3, $4, now(), now())`,
      [
        demoAccount.id,
        demoUsers.owner.id,
        `e2e/dev-mailbox/${tag}`,
        JSON.stringify({ to: demoUsers.owner.email, to_name: demoUsers.owner.name, subject, html: hostileHtml, text: "", link: "/escalations", path: "/escalations" }),
      ],
    ),
  );
});

test.afterAll(async () => {
  await withDatabase((client) => client.query("delete from notification_deliveries where idempotency_key = $1", [`e2e/dev-mailbox/${tag}`]));
});

async function openMailbox(browser: Browser, baseURL: string | undefined, bypassCSP: boolean) {
  const context = await browser.newContext({ baseURL, storageState: authFile("owner"), bypassCSP });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/dev/mailbox");
  const mail = page.getByRole("listitem").filter({ hasText: subject });
  await expect(mail).toBeVisible();
  // Give a handler that would run a moment to do so, before anything else is asked.
  await page.waitForTimeout(1_000);
  const ranScript = () => page.evaluate(() => (window as unknown as { mailScriptRan?: string }).mailScriptRan ?? null);
  expect(dialogs).toEqual([]);
  expect(await ranScript()).toBeNull();
  const frame = mail.locator("iframe");
  await expect(frame).toHaveAttribute("title", `Mail: ${subject}`);
  // The mail rendered, and its image was tried (and failed), so an onerror had its chance.
  const body = frame.contentFrame();
  await expect(body.getByText(`Mail body ${tag}`)).toBeVisible();
  await expect.poll(() => body.locator("img").evaluate((image: HTMLImageElement) => image.complete)).toBe(true);
  return { context, page, frame, dialogs, ranScript };
}

// Without the page's CSP the sandbox alone must hold: that is the defence in depth.
for (const bypassCSP of [false, true]) {
  test(`a mail's script and event handlers don't run in the app${bypassCSP ? ", even with the page's CSP switched off" : ""}`, async ({ browser, baseURL }) => {
    const { context, frame, dialogs, ranScript } = await openMailbox(browser, baseURL, bypassCSP);
    const sandbox = await frame.getAttribute("sandbox");
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toMatch(/allow-scripts|allow-same-origin/);
    expect(dialogs).toEqual([]);
    expect(await ranScript()).toBeNull();
    await context.close();
  });
}

test("a mail's link opens its page in the tab", async ({ browser, baseURL }) => {
  const { context, page, frame } = await openMailbox(browser, baseURL, false);
  await frame.contentFrame().getByRole("link", { name: "Open the escalations" }).click();
  await page.waitForURL((url) => url.pathname === "/escalations");
  await expect(page.getByRole("heading", { level: 1, name: "Escalations" })).toBeVisible();
  await context.close();
});
