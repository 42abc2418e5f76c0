import { demoAccount, demoUsers, expect, test } from "./fixtures";
import { withDatabase } from "./support/database";
import { openNewSession, uniqueTag } from "./support/pilot-session";

/**
 * "Seen before": a resolved session of the team with the fix that worked shows up in the lane of a
 * new session about the same problem; "Use this fix" makes that fix the suggestion here, and the
 * fix card says where it worked before.
 */
test("a matching resolved session shows under Seen before and its fix can be reused", async ({ pageAs, requestAs }) => {
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
});
