import { demoUsers, enqueueReplies, expect, test } from "./fixtures";
import { startSessionWithFix, uniqueTag } from "./support/pilot-session";

/**
 * Issue 9, flow 1 — from a fix to a team template to its reuse, as the junior works it: a fix
 * without a template (D1) is applied and works (D3/D4); "Keep the script" → Draft template queues a
 * draft through template extraction (D2/H3), whose reply declares a sensitive parameter; the
 * session is resolved (E4) and the templatize offer (H5) accepts the draft into the library, where
 * it shows with its provenance (H1); generating from it with a secret (H2) shows the real script
 * once, and the run viewed again shows the secret as ••••.
 *
 * The fake model's replies carry a `match` on this run's unique tag (in the session title, and in
 * the drafted script for the extraction call), so a test in the other worker can't take them. The
 * tag stays out of the template's name and description: the chat's system prompt lists every
 * template of the team by name and description, so a tag there would put it in other tests'
 * prompts. The library finds the template by its body instead, which the chat never sees.
 */

test("a fix that worked becomes a team template, and a secret given to it shows as •••• afterwards", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("sf");
  const title = `Backups can't reach the NAS ${tag}`;
  const templateName = "Refresh the NAS backup credential";
  const secret = `Winter-Sky-${tag}`;
  const api = await requestAs("junior");

  // H5 asks only while the team has the offer on (the seed's value; settings.spec.ts puts it back after its toggle).
  const preferences = await api.get("/api/v1/accounts/me/preferences");
  expect((await preferences.json()) as Record<string, unknown>, "the demo team offers to templatize after a resolve").toMatchObject({ templatize_prompt_enabled: true });

  const page = await pageAs("junior");

  // D1: a fix with a drafted script and the values it proposes for this session; no template.
  const script = [
    `# script-${tag}: store the NAS credential the backup agent uses again`,
    "cmdkey /add:nas01.northwind.test /user:NORTHWIND\\svc_backup /pass:CHANGE-ME",
    "Restart-Service -Name VeeamEndpointBackupSvc -Force",
  ].join("\n");
  const { id: sessionId, fixCard } = await startSessionWithFix(page, request, {
    api,
    session: { title, company_name: "Northwind Dental" },
    tag,
    message: "The backup job log says access denied on \\\\nas01 since the service account password was rotated.",
    prose: "The stored credential for the NAS is stale since the service account's password changed. Store it again and restart the agent.",
    fix: {
      title: templateName,
      description: "Replace the stored credential for the NAS and restart the backup agent so the next job authenticates.",
      confidence: 80,
      script,
      parameters: { nas_host: "nas01.northwind.test", service_account: "NORTHWIND\\svc_backup" },
    },
  });
  await expect(fixCard.getByLabel("Script")).toHaveText(script);

  // D3/D4: it worked.
  await fixCard.getByRole("button", { name: "Apply fix" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Verifying");
  await fixCard.getByRole("button", { name: "It worked" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Worked");

  // D2: the three-option dialog, the script editable and the proposed values marked.
  await fixCard.getByRole("button", { name: "Keep the script" }).click();
  const keep = page.getByRole("dialog", { name: "Keep the script" });
  const editor = keep.getByRole("textbox", { name: "Script to keep" });
  await expect(editor).toHaveValue(script);
  await expect(editor).toHaveAccessibleDescription(/proposed for this session:\s*nas_host\s*=\s*nas01\.northwind\.test,\s*service_account\s*=\s*NORTHWIND\\svc_backup/);
  await expect(keep.getByRole("button", { name: "One-off" })).toBeEnabled();
  await expect(keep.getByRole("button", { name: "Build template" })).toBeEnabled();

  // H3: the extraction call drafts the template; its reply declares the password as sensitive.
  const extraction = {
    templated_body: [
      `# script-${tag}: store the NAS credential the backup agent uses again`,
      "cmdkey /add:{{nas_host}} /user:{{service_account}} /pass:{{service_password}}",
      "Restart-Service -Name VeeamEndpointBackupSvc -Force",
    ].join("\n"),
    parameters: [
      { name: "nas_host", label: "NAS host", type: "text", required: true, default: "nas01.northwind.test", sensitive: false, description: "The NAS the backups go to." },
      { name: "service_account", label: "Service account", type: "text", required: true, default: "NORTHWIND\\svc_backup", sensitive: false, description: "The account the agent signs in as." },
      { name: "service_password", label: "Service account password", type: "text", required: true, default: null, sensitive: true, description: "The account's current password." },
    ],
  };
  await enqueueReplies(request, [{ text: JSON.stringify(extraction), match: `script-${tag}` }]);
  await keep.getByRole("button", { name: "Draft template (recommended)" }).click();
  await expect(keep.getByRole("status")).toContainText("A draft template was queued.", { timeout: 30_000 });
  await expect(keep.getByRole("link", { name: "Drafts" })).toHaveAttribute("href", "/scripts/drafts");
  await keep.getByRole("button", { name: "Done" }).click();
  await expect(keep).toHaveCount(0);
  await expect(fixCard).toContainText("A draft template is queued from this script.");
  await expect(fixCard.getByRole("button", { name: "Keep the script" })).toHaveCount(0);

  // E4: resolve with the note the model writes.
  const note = [
    "## Problem",
    "Backups failed with access denied on the NAS.",
    "## What we confirmed",
    "The backup job's NAS login is refused; the share itself answers.",
    "## Root cause",
    "The stored credential was stale after the service account's password was rotated.",
    "## Resolution",
    `Stored the credential again and restarted the backup agent (${tag}).`,
  ].join("\n");
  await enqueueReplies(request, [{ text: note, match: tag }]);
  await page.getByRole("button", { name: "Resolve" }).click();
  const preview = page.getByRole("dialog", { name: "Resolution note" });
  await expect(preview.getByText("The stored credential was stale")).toBeVisible({ timeout: 30_000 });
  await preview.getByRole("button", { name: "Confirm & post" }).click();
  await expect(page.locator("[data-status=resolved]")).toBeVisible();

  // H5: the offer shows the drafted template, the secret without a default; accept it.
  const offer = page.getByRole("dialog", { name: "Save as team template?" });
  await expect(offer).toBeVisible({ timeout: 30_000 });
  await expect(offer.getByLabel("Template name")).toHaveValue(templateName);
  await expect(offer.getByLabel("Templated body with parameters highlighted")).toContainText("/pass:{{service_password}}");
  await offer.getByRole("button", { name: "Accept" }).click();
  await expect(offer).toHaveCount(0);

  // H1: in the library, with where it came from.
  await page.goto(`/scripts?q=${encodeURIComponent(`script-${tag}`)}`);
  await page.getByRole("link", { name: templateName }).click();
  await expect(page.getByRole("heading", { level: 1, name: templateName })).toBeVisible();
  const provenance = page.getByRole("link", { name: `Generated from a pilot session · resolved by ${demoUsers.junior.name}` });
  await expect(provenance).toHaveAttribute("href", `/pilot/${sessionId}`);

  // H2: generate with the secret; the real script shows once.
  const generator = page.getByRole("form", { name: `Generate ${templateName}` });
  await expect(generator.getByLabel(/^NAS host/)).toHaveValue("nas01.northwind.test");
  await generator.getByLabel(/^Service account password/).fill(secret);
  await generator.getByRole("button", { name: "Generate script" }).click();
  await expect(page.getByRole("region", { name: "Generated script" })).toContainText(secret);
  const runs = page.getByRole("region", { name: "Recent runs" });
  await expect(runs.getByRole("listitem").first()).toContainText("service_password••••");

  // Viewed again, the run keeps the secret out: •••• in the parameters, not in the stored script.
  await page.reload();
  const run = page.getByRole("region", { name: "Recent runs" }).getByRole("listitem").first();
  await expect(run).toContainText("service_password••••");
  await run.getByRole("button", { name: "Show script" }).click();
  await expect(run.locator("pre")).toContainText("cmdkey /add:");
  await expect(run.locator("pre")).not.toContainText(secret);
  await expect(page.getByText(secret)).toHaveCount(0);
});
