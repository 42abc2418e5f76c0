import type { Page } from "@playwright/test";
import { enqueueReplies, expect, test } from "./fixtures";
import { openNewSession, uniqueTag } from "./support/pilot-session";
import { CHAT_MESSAGE_MAX_LENGTH } from "../lib/chat/message-limit";

/**
 * The chat composer with long input (issue 10, "Chat input"): a long paste grows the box only to
 * its cap and never covers the conversation; a counter appears near the server's limit and past
 * it Send is off with the reason; a long message shows folded with "Show more". The server's
 * 422 wording is checked in lib/http/error-body.int.test.ts.
 */

/** Readable text of exactly `length` characters that starts with `tag` and doesn't end in a space (the server trims). */
function prose(tag: string, length: number): string {
  const sentence = "The print queue stalls again after the driver update, and the spooler restarts on its own. ";
  const text = `${tag} ${sentence.repeat(Math.ceil(length / sentence.length) + 1)}`.slice(0, length - 1);
  return `${text}.`;
}

/** Whether the message box a toggle controls hides part of its text. */
function isClipped(page: Page, id: string | null): Promise<boolean> {
  return page.evaluate((boxId) => {
    const box = document.getElementById(boxId ?? "");
    if (!box) throw new Error(`No element #${boxId}`);
    return box.scrollHeight > box.clientHeight + 1;
  }, id);
}

test("a long paste stays inside the composer's cap; past the limit Send is off and says why", async ({ pageAs, requestAs }) => {
  const tag = uniqueTag("ci");
  const page = await pageAs("junior");
  await openNewSession(page, await requestAs("junior"), { title: `Long paste ${tag}` });
  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  const send = page.getByRole("button", { name: "Send", exact: true });
  const counter = page.getByTestId("message-length");

  // Short text: no counter.
  await composer.fill("Nobody on floor two can print.");
  await expect(counter).toHaveCount(0);

  // At the limit: counted, still sendable; the box stops growing at its cap and scrolls inside.
  await composer.fill(prose(tag, CHAT_MESSAGE_MAX_LENGTH));
  await expect(counter).toHaveText("20,000 / 20,000 characters");
  await expect(send).toBeEnabled();
  const viewport = page.viewportSize()!;
  const cap = Math.min(viewport.height / 3, 18 * 16) + 2;
  const box = await composer.boundingBox();
  expect(box!.height).toBeLessThanOrEqual(cap);
  expect(await composer.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  // The conversation keeps its room above the composer.
  const conversation = page.getByRole("region", { name: "Conversation" });
  const scroller = conversation.getByRole("list", { name: "Messages" }).locator("xpath=../..");
  await expect(scroller).toBeInViewport();
  const room = (await scroller.boundingBox())!;
  expect(room.height).toBeGreaterThanOrEqual(100);
  expect(room.y + room.height).toBeLessThanOrEqual(box!.y);

  // Over the limit: Send is off, the reason is visible, and a polite status says so once.
  await composer.fill(prose(tag, CHAT_MESSAGE_MAX_LENGTH + 25));
  await expect(counter).toHaveText("20,025 / 20,000 characters: 25 over the limit. Shorten the message to send it.");
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription(/25 over the limit/);
  await expect(composer).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: "over the 20,000-character limit" })).toHaveCount(1);
  // Enter doesn't send it either: the text stays in the box and nothing joins the conversation.
  await composer.press("Enter");
  await expect(composer).toHaveValue(prose(tag, CHAT_MESSAGE_MAX_LENGTH + 25));
  await expect(conversation.getByRole("listitem").filter({ hasText: tag })).toHaveCount(0);

  // Back under it: Send comes back.
  await composer.fill(prose(tag, CHAT_MESSAGE_MAX_LENGTH - 100));
  await expect(counter).toHaveText("19,900 / 20,000 characters");
  await expect(send).toBeEnabled();
});

test("long messages from the engineer and from FlowPilot show folded, open and fold again", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("ci");
  const page = await pageAs("junior");
  await openNewSession(page, await requestAs("junior"), { title: `Long message ${tag}` });
  const reply = prose("Here is what the log says.", 3_000);
  await enqueueReplies(request, [{ text: reply, match: tag }]);

  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  await composer.fill(prose(tag, 5_000));
  await composer.press("Enter");
  const conversation = page.getByRole("region", { name: "Conversation" });
  await expect(conversation.getByText("Here is what the log says.")).toBeVisible();
  // Once saved, the messages come from the server: fold state starts fresh there.
  await page.reload();

  const messages = conversation.getByRole("list", { name: "Messages" });
  for (const start of [tag, "Here is what the log says."]) {
    const bubble = messages.getByRole("listitem").filter({ hasText: start });
    await expect(bubble).toHaveCount(1);
    const more = bubble.getByRole("button", { name: "Show more" });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    const folded = (await bubble.boundingBox())!.height;
    expect(await isClipped(page, await more.getAttribute("aria-controls"))).toBe(true);
    expect(folded).toBeLessThan(400);

    await more.click();
    const less = bubble.getByRole("button", { name: "Show less" });
    await expect(less).toHaveAttribute("aria-expanded", "true");
    await expect.poll(async () => (await bubble.boundingBox())!.height).toBeGreaterThan(folded * 2);
    // Open, the whole text shows: nothing is clipped any more.
    expect(await isClipped(page, await less.getAttribute("aria-controls"))).toBe(false);

    await less.click();
    await expect(bubble.getByRole("button", { name: "Show more" })).toHaveAttribute("aria-expanded", "false");
    await expect.poll(async () => (await bubble.boundingBox())!.height).toBeLessThan(400);
  }
});

test("a short message shows whole, with no toggle", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("ci");
  const page = await pageAs("junior");
  await openNewSession(page, await requestAs("junior"), { title: `Short message ${tag}` });
  await enqueueReplies(request, [{ text: `Noted (${tag}).`, match: tag }]);
  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  await composer.fill(`Printer offline ${tag}`);
  await composer.press("Enter");
  const messages = page.getByRole("list", { name: "Messages" });
  await expect(messages.getByText(`Noted (${tag}).`)).toBeVisible();
  await expect(messages.getByRole("button", { name: /Show (more|less)/ })).toHaveCount(0);
});
