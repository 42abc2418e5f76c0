import { expect, test } from "./fixtures";
import { enqueueReplies, promptOf, recordedModelRequests } from "./support/fake-model";
import { uniqueTag } from "./support/pilot-session";

// L2: a resolved session → "Draft KB article" → edit (a redacted detail kept, the title changed)
// → publish → found in /knowledge, and linked back from the session.
test("a resolved session becomes a published KB article the team finds in Knowledge", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("kb");
  const title = `Mapped drive fails after a password change ${tag}`;
  const api = await requestAs("junior");
  const created = await api.post("/api/v1/ai-sessions", { data: { title, company_name: "Contoso Ltd" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const fact = await api.post(`/api/v1/ai-sessions/${id}/facts`, { data: { text: "User jsmith on LAPTOP-7QK2M gets access denied on the S: drive" } });
  expect(fact.status()).toBe(201);
  const note = "## Problem\nDrive mapping failed.\n## What we confirmed\n- Stale credential.\n## Root cause\nCached credential.\n## Resolution\nCleared it.";
  expect((await api.post(`/api/v1/ai-sessions/${id}/resolution-note/post`, { data: { markdown: note } })).status()).toBe(200);

  const article = [
    "# Mapped drive fails after a password change",
    "## Symptoms",
    "- [user] on [host] gets access denied on the S: drive.",
    "## Cause",
    "A stale cached credential.",
    "## Resolution",
    "Clear the stored credential in Credential Manager and map the drive again.",
    "## Verification",
    "The drive maps at the next sign-in.",
  ].join("\n");
  await enqueueReplies(request, [{ text: article, match: tag }]);

  const page = await pageAs("junior");
  await page.goto(`/pilot/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Article format").selectOption("troubleshooting");
  await page.getByRole("button", { name: "Draft KB article" }).click();

  await expect(page).toHaveURL(/\/knowledge\/[0-9a-f-]{36}$/);
  const body = page.getByRole("textbox", { name: "Article (Markdown)" });
  await expect(body).toHaveValue(/\[user\] on \[host\] gets access denied/);
  // The model saw placeholders only, never the customer's details.
  const prompt = (await recordedModelRequests(request)).map(promptOf).find((text) => text.includes(tag)) ?? "";
  expect(prompt).toContain("[host]");
  expect(prompt).not.toMatch(/LAPTOP-7QK2M|jsmith|Contoso/);

  // Keeping the host puts it back at once; the user stays redacted.
  await page.getByRole("switch", { name: "Keep LAPTOP-7QK2M in the article" }).click();
  await expect(body).toHaveValue(/\[user\] on LAPTOP-7QK2M gets access denied/);
  const edited = `Drive mapping fails after a password change ${tag}`;
  await page.getByRole("textbox", { name: "Title" }).fill(edited);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: edited })).toBeVisible();

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { level: 1, name: edited }).locator("..").getByText("Published")).toBeVisible();
  await expect(page.getByText("FlowPilot does not post knowledge-base articles to ConnectWise yet.")).toBeVisible();

  await page.goto(`/knowledge?q=${encodeURIComponent(tag)}`);
  const list = page.getByTestId("kb-article-list");
  await expect(list.getByRole("link", { name: new RegExp(edited) })).toBeVisible();
  await expect(list.getByText("Published")).toBeVisible();

  await page.goto(`/pilot/${id}`);
  await page.getByRole("link", { name: /KB article/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: edited })).toBeVisible();
});
