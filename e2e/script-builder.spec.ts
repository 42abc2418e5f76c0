import type { Page } from "@playwright/test";
import { enqueueReplies, expect, test } from "./fixtures";
import { startSessionWithFix, uniqueTag } from "./support/pilot-session";

/**
 * H4 + D6 end to end, inline: on a pilot session with a suggested fix (from the fake model's
 * [SUGGEST_FIX] reply), the engineer opens the lane's "Script builder" tab, asks for a script,
 * watches the reply stream in, and submits it; the fix card then shows the submitted script. Then
 * the standalone builder: a new session from /scripts/builder, a streamed script with Copy and
 * Download. The fake model's replies carry a `match` on this run's unique tag, so a test in the
 * other worker can't take them.
 */

async function sendToBuilder(page: Page, message: string) {
  const composer = page.getByRole("textbox", { name: "Message the script builder" });
  await expect(composer).toBeEnabled();
  await composer.fill(message);
  await composer.press("Enter");
}

test("the inline builder writes a script and Submit puts it on the fix", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("sb");
  const title = `Print spooler stalls on the reception PC ${tag}`;
  const api = await requestAs("junior");
  const page = await pageAs("junior");

  // D1: a suggested fix without a script, so the builder has something to write.
  const { fixCard } = await startSessionWithFix(page, request, {
    api,
    session: { title },
    tag,
    message: "Jobs pile up in the queue and nothing prints.",
    prose: "The spooler is hanging on a stuck job. Clear the queue and restart the service.",
    fix: {
      title: "Clear the print queue and restart the spooler",
      description: "Stop the spooler, delete the stuck spool files, start it again.",
      confidence: 75,
    },
  });

  // H4 inline: the builder tab, created on first open.
  await page.getByRole("tab", { name: "Script builder" }).click();
  const builder = page.getByRole("tabpanel", { name: "Script builder" });
  await expect(builder.getByRole("textbox", { name: "Message the script builder" })).toBeVisible();
  const submit = builder.getByRole("button", { name: "Submit to fix" });
  await expect(submit).toBeDisabled();
  await expect(builder.getByText("Ask the builder for a script first.")).toBeVisible();

  // A streamed reply with the whole script fenced, and the run's values.
  const script = [
    "[CmdletBinding(SupportsShouldProcess)]",
    "param([string]$SpoolPath = \"$env:SystemRoot\\System32\\spool\\PRINTERS\")",
    "$ErrorActionPreference = 'Stop'",
    "Stop-Service -Name Spooler",
    "Get-ChildItem -Path $SpoolPath -File | Remove-Item",
    "Start-Service -Name Spooler",
  ].join("\n");
  const builderReply = [
    "This stops the spooler, clears the stuck jobs and starts it again.",
    "",
    "```powershell",
    script,
    "```",
  ].join("\n");
  await enqueueReplies(request, [{ text: builderReply, match: tag, chunkSize: 6, chunkDelayMs: 40 }]);
  await sendToBuilder(page, `Write the queue clean-up as a script (${tag})`);
  // It streams in: the reply grows in place before it is saved.
  await expect(builder.getByTestId("builder-reply-in-progress")).toContainText("This stops the spooler");
  await expect(builder.getByTestId("builder-reply-in-progress")).toHaveCount(0, { timeout: 15_000 });
  await expect(builder.getByLabel("Builder script")).toHaveText(script);

  // D6 through the builder: the script lands on the fix as its draft.
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(builder.getByText("Submitted to “Clear the print queue and restart the spooler”.")).toBeVisible();
  await page.getByRole("tab", { name: "Task lane" }).click();
  await expect(fixCard.getByLabel("Script", { exact: true })).toHaveText(script);

  // Both survive a reload: the fix keeps the script, the builder its conversation.
  await page.reload();
  await expect(fixCard.getByLabel("Script", { exact: true })).toHaveText(script);
  await page.getByRole("tab", { name: "Script builder" }).click();
  await expect(builder.getByText(`Write the queue clean-up as a script (${tag})`)).toBeVisible();
  await expect(builder.getByLabel("Builder script")).toHaveText(script);
});

test("a standalone builder session streams a script to copy or download", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("sb");
  const page = await pageAs("senior");
  await page.goto("/scripts/builder");
  await expect(page.getByRole("heading", { level: 1, name: "Script builder" })).toBeVisible();
  await page.getByLabel("Language").selectOption("bash");
  await page.getByRole("button", { name: "New builder session" }).click();
  await page.waitForURL(/\/scripts\/builder\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1, name: "New Bash script" })).toBeVisible();

  const script = ["#!/usr/bin/env bash", "set -euo pipefail", 'DAYS="${1:-7}"', 'find /var/tmp -type f -mtime +"$DAYS" -print -delete'].join("\n");
  await enqueueReplies(request, [{ text: `Deletes old files and prints each one.\n\n\`\`\`bash\n${script}\n\`\`\``, match: tag, chunkSize: 8 }]);
  const ask = `Delete week-old files from /var/tmp ${tag}`;
  await sendToBuilder(page, ask);
  await expect(page.getByLabel("Builder script")).toHaveText(script);
  // The first message names a session nobody named.
  await expect(page.getByRole("heading", { level: 1, name: ask })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Download / }).click();
  expect((await download).suggestedFilename()).toBe(`delete-week-old-files-from-var-tmp-${tag}.sh`);

  await page.goto("/scripts/builder");
  await expect(page.getByRole("list", { name: "My builder sessions" })).toContainText(ask);

  // Leave the senior's slots under the cap of 5 for the next run on the same database.
  const api = await requestAs("senior");
  expect((await api.delete(`/api/v1/script-builder/sessions/${id}`)).status()).toBe(200);
});
