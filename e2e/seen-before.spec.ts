import { demoAccount, demoUsers, expect, test } from "./fixtures";
import { withDatabase } from "./support/database";
import { enqueueReplies } from "./support/fake-model";
import { openNewSession, uniqueTag } from "./support/pilot-session";

/**
 * Knowledge that compounds: a resolved session of the team with the fix that worked shows up under
 * "Seen before" in a new session about the same problem; "Use this fix" makes that fix the
 * suggestion here and the fix card says where it worked before; once it works again the session
 * is resolved, drafted into a KB article, edited, published and found in Knowledge.
 */
test("Seen before → Use this fix → resolve → KB article → published and found in Knowledge", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("sb");
  const resolvedTitle = `Outlook stuck on Loading Profile ${tag}`;
  const fixTitle = `Rebuild the Outlook OST cache ${tag}`;
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO ai_sessions (id, account_id, user_id, title, status, resolved_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'resolved', now() - interval '2 days', now()) RETURNING id`,
      [demoAccount.id, demoUsers.junior.id, resolvedTitle],
    );
    const sessionId = rows[0]!.id;
    await client.query(
      `INSERT INTO session_facts (id, account_id, session_id, text, source_kind, updated_at)
       VALUES (gen_random_uuid(), $1, $2, 'Outlook hangs at the loading profile screen', 'engineer_note', now())`,
      [demoAccount.id, sessionId],
    );
    await client.query(
      `INSERT INTO session_suggested_fixes (id, account_id, session_id, title, description, confidence, status, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, 'Rename the OST so Outlook resyncs the mailbox.', 80, 'applied_success', now())`,
      [demoAccount.id, sessionId, fixTitle],
    );
  });

  const page = await pageAs("junior");
  const api = await requestAs("junior");
  const { fixCard } = await openNewSession(page, api, { title: `Outlook won't open, stuck on profile ${tag}` });

  const seenBefore = page.getByRole("region", { name: "Seen before" });
  const match = seenBefore.getByRole("listitem").filter({ hasText: resolvedTitle });
  await expect(match).toBeVisible();
  await expect(match).toContainText(fixTitle);
  await expect(match).toContainText("Worked");
  await expect(match).toContainText(`Resolved by ${demoUsers.junior.name}`);
  await expect(match.getByRole("link", { name: resolvedTitle })).toBeVisible();

  await expect(fixCard).toContainText("No fix suggested yet");
  await match.getByRole("button", { name: `Use this fix: ${fixTitle}` }).click();
  await expect(fixCard.getByRole("heading", { name: fixTitle })).toBeVisible();
  await expect(fixCard).toContainText(`Worked before: ${resolvedTitle}`);
  await expect(fixCard.getByRole("link", { name: resolvedTitle })).toHaveAttribute("href", /\/pilot\/[0-9a-f-]{36}$/);

  // The reused fix works here too; the session is resolved with its note.
  await fixCard.getByRole("button", { name: "Apply fix" }).click();
  await fixCard.getByRole("button", { name: "It worked" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Worked");
  const note = ["## Problem", "Outlook stuck on its profile.", "## What we confirmed", "- Outlook hangs at the loading profile screen.", "## Root cause", "A corrupt OST cache.", "## Resolution", `Rebuilt the OST (${tag}).`].join("\n");
  await enqueueReplies(request, [{ text: note, match: tag }]);
  await page.getByRole("button", { name: "Resolve" }).click();
  const preview = page.getByRole("dialog", { name: "Resolution note" });
  await expect(preview.getByText("A corrupt OST cache.")).toBeVisible();
  await preview.getByRole("button", { name: "Confirm & post" }).click();
  await expect(page.locator("[data-status=resolved]")).toBeVisible();

  // Drafted into an article, retitled, published, then found in Knowledge.
  const article = ["# Outlook stuck on Loading Profile", "## Symptoms", "Outlook hangs at the loading profile screen.", "## Cause", "A corrupt OST cache.",
    "## Resolution", "Rename the OST so Outlook resyncs the mailbox.", "## Verification", "Outlook opens to the inbox."].join("\n");
  await enqueueReplies(request, [{ text: article, match: tag }]);
  await page.getByLabel("Article format").selectOption("troubleshooting");
  await page.getByRole("button", { name: "Draft KB article" }).click();
  await expect(page).toHaveURL(/\/knowledge\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Article (Markdown)" })).toHaveValue(/A corrupt OST cache\./);
  const articleTitle = `Outlook stuck on Loading Profile: rebuild the OST ${tag}`;
  await page.getByRole("textbox", { name: "Title" }).fill(articleTitle);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: articleTitle })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { level: 1, name: articleTitle }).locator("..").getByText("Published")).toBeVisible();

  await page.goto("/knowledge");
  await page.getByRole("search", { name: "Knowledge base" }).getByRole("searchbox").fill(tag);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  // Other specs' articles may be listed beside it until the search applies: read this article's own row.
  const row = page.getByTestId("kb-article-list").getByRole("link", { name: new RegExp(articleTitle) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Published");
});
