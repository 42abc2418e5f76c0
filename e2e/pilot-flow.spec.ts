import { enqueueReplies, expect, test } from "./fixtures";
import { markerBlock, openNewSession, sendToPilot, suggestFixInChat, uniqueTag } from "./support/pilot-session";

/**
 * K1 end to end, as the junior works it: a session started from the dialog, streamed chat turns
 * that fill the task lane (B2/B3) and bring a fact (C1/C3) and a fix (D1), the fix applied, the
 * model's outcome proposal put off (D5) and the outcome recorded (D3/D4), the resolution note
 * previewed, edited and posted (E1/E4); then the same with the model down (E6). The fake model
 * (tests/fakes/anthropic-server.ts) answers; its replies carry a `match` on this run's unique tag
 * so a test in the other worker can't take them.
 *
 * Serial: both tests script the same fake, and the second switches it down for everyone.
 */
test.describe.configure({ mode: "serial" });

test("the junior chats, fills the lane, applies a fix and posts an edited resolution note", async ({ pageAs, request }) => {
  const tag = uniqueTag("pf");
  const title = `Outlook keeps asking for a password ${tag}`;
  const page = await pageAs("junior");

  // B1: the dialog validates on the server and opens the new session.
  await page.goto("/pilot");
  await page.getByRole("button", { name: "New session" }).click();
  const dialog = page.getByRole("dialog", { name: "New session" });
  await expect(dialog.getByLabel("Title")).toBeFocused();
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Ticket number").fill("not-a-number");
  await dialog.getByRole("button", { name: "Start session" }).click();
  await expect(dialog.getByText("Ticket ids are numbers.")).toBeVisible();
  await dialog.getByLabel("Ticket number").fill("");
  await dialog.getByLabel("Company").fill("Northwind Dental");
  await dialog.getByLabel("Company").press("Enter");
  await page.waitForURL(/\/pilot\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const questions = page.getByRole("region", { name: "Questions" });
  const checks = page.getByRole("region", { name: "Diagnostic checks" });
  const facts = page.getByRole("region", { name: "What we know" });
  const fixCard = page.getByRole("region", { name: "Suggested fix" });
  await expect(questions).toContainText("No questions yet");

  // Turn 1: questions, a check and a promoted fact.
  const reply1 = [
    "Repeated password prompts usually mean a stale cached credential or a modern-auth problem.",
    markerBlock("QUESTIONS", [{ text: "Did the user change their password recently?" }]),
    markerBlock("ACTIONS", [{ label: "List the cached Office credentials", command: "cmdkey /list" }]),
    markerBlock("PROMOTE", [{ text: "Outlook prompts for the password every few minutes." }]),
  ].join("\n");
  await enqueueReplies(request, [{ text: reply1, match: tag, chunkSize: 8 }]);
  await sendToPilot(page, "Outlook prompts for the password every few minutes since this morning.");
  await expect(page.getByText("usually mean a stale cached credential")).toBeVisible();
  await expect(questions.getByRole("listitem")).toHaveText([/Did the user change their password recently\?/]);
  await expect(checks).toContainText("List the cached Office credentials");
  await expect(checks).toContainText("cmdkey /list");
  await expect(facts.getByRole("listitem")).toHaveText([/Outlook prompts for the password every few minutes\./]);
  await expect(page.getByText("[QUESTIONS]")).toHaveCount(0);

  // C3: record the answer to the question; the cheap model writes the fact.
  await enqueueReplies(request, [{ text: JSON.stringify({ fact: "The user changed their password yesterday." }), match: `yesterday ${tag}` }]);
  const question = questions.getByRole("listitem").first();
  await question.getByRole("button", { name: "Record answer" }).click();
  await question.getByLabel("Answer").fill(`Yes, yesterday ${tag}`);
  await question.getByRole("button", { name: "Promote as fact" }).click();
  await expect(facts.getByText("The user changed their password yesterday.")).toBeVisible();
  await expect(question.getByRole("button", { name: "Record answer again" })).toBeVisible();

  // Turn 2: a suggested fix with a script.
  const script = "cmdkey /delete:MicrosoftOffice16_Data:SSPI:user@northwind.test";
  await suggestFixInChat(page, request, {
    tag,
    message: "cmdkey shows an Office credential from last week.",
    prose: "The old password is still cached. Clear it and sign in again.",
    fix: {
      title: "Clear the cached Office credential",
      description: "Remove the stale credential so Outlook asks once and stores the new password.",
      confidence: 85,
      script,
    },
  });
  await expect(fixCard).toContainText("85% confidence");
  await expect(fixCard.getByLabel("Script")).toHaveText(script);

  // D3: apply. D5: the model reads an outcome from the chat; only the engineer records it.
  await fixCard.getByRole("button", { name: "Apply fix" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Verifying");
  const reply3 = ["Good news — that sounds fixed.", markerBlock("FIX_OUTCOME", { outcome: "applied_success", notes: "Outlook stayed signed in." })].join("\n");
  await enqueueReplies(request, [{ text: reply3, match: tag }]);
  await sendToPilot(page, "Cleared it; Outlook has stayed signed in for ten minutes.");
  const proposal = page.getByRole("region", { name: "Outcome proposal" });
  await expect(proposal).toContainText("The AI thinks this fix worked — confirm?");
  await proposal.getByRole("button", { name: "Not yet" }).click();
  await expect(proposal).toHaveCount(0);
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Verifying");

  // D4: the engineer records that it worked.
  await fixCard.getByRole("button", { name: "It worked" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Worked");
  await expect(fixCard.getByRole("button", { name: "Apply fix" })).toHaveCount(0);

  // E1/E4: preview the note, edit it, post it.
  const note = [
    "## Problem",
    "Outlook kept asking for the password.",
    "## What we confirmed",
    "- The user changed their password yesterday.",
    "## Root cause",
    "A stale cached Office credential.",
    "## Resolution",
    "Cleared the cached credential; Outlook now signs in.",
  ].join("\n");
  await enqueueReplies(request, [{ text: note, match: tag }]);
  await page.getByRole("button", { name: "Resolve" }).click();
  const preview = page.getByRole("dialog", { name: "Resolution note" });
  await expect(preview.getByText("A stale cached Office credential.")).toBeVisible();
  await expect(preview.getByText("Fresh", { exact: true })).toBeVisible();
  await expect(preview.getByText("Drafted without AI")).toHaveCount(0);
  await preview.getByRole("button", { name: "Edit" }).click();
  const edited = `${note}\n\nConfirmed with the user by phone (${tag}).`;
  await preview.getByRole("textbox", { name: "Resolution note text" }).fill(edited);
  await preview.getByRole("button", { name: "Confirm & post" }).click();

  await expect(preview).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("[data-status=resolved]")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message FlowPilot" })).toHaveCount(0);
  await expect(page.getByText(`Confirmed with the user by phone (${tag}).`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Confirmed with the user by phone (${tag}).`)).toBeVisible();
});

test("with the model down the chat says so and Resolve posts a draft written without AI", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("pf");
  const title = `Printer offline every morning ${tag}`;
  const api = await requestAs("junior");
  const page = await pageAs("junior");
  await openNewSession(page, api, { title });

  // The model is down for this session only (every call whose prompt names it, retries included),
  // so specs running beside this one keep their model.
  await enqueueReplies(request, Array.from({ length: 8 }, () => ({ status: 529 as const, message: "Overloaded", match: tag })));
  // B2: the engineer's message stays; the server's reason shows in line.
  await sendToPilot(page, `The printer drops off the network every morning (${tag}).`);
  await expect(page.getByRole("alert").filter({ hasText: "The AI is unavailable right now. Your message is saved" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(`The printer drops off the network every morning (${tag}).`)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message FlowPilot" })).toBeEnabled();

  // E6: the deterministic draft, marked as such, still resolves.
  await page.getByRole("button", { name: "Resolve" }).click();
  const preview = page.getByRole("dialog", { name: "Resolution note" });
  await expect(preview.getByText("Drafted without AI")).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByText("Drafted automatically from the session's facts")).toBeVisible();
  await preview.getByRole("button", { name: "Confirm & post" }).click();
  await expect(page.locator("[data-status=resolved]")).toBeVisible();
  await expect(page.getByRole("region", { name: "Resolution note" })).toContainText("Drafted automatically from the session's facts");
});
