import type { APIRequestContext, Page } from "@playwright/test";
import { demoUsers, expect, test } from "./fixtures";
import { uniqueTag } from "./support/pilot-session";

/**
 * Lists that scale (issue 10): My sessions and Escalations are searched, filtered, sorted and paged
 * through the URL, which survives reload and Back. Other specs add sessions beside these, so each
 * test works on rows carrying its own unique tag and finds them by searching for it. The owner's
 * list is used for paging (no other spec reads the owner's My sessions); only the junior escalates
 * (shell.spec expects the junior's bell to stay quiet).
 */

async function createSession(api: APIRequestContext, data: { title: string; company_name?: string }): Promise<string> {
  const created = await api.post("/api/v1/ai-sessions", { data });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function handOff(api: APIRequestContext, id: string, intent: "park" | "escalate") {
  const response = await api.post(`/api/v1/ai-sessions/${id}/handoff`, {
    data: { intent, reason: `Lists spec ${intent}`, ...(intent === "escalate" ? { package_markdown: "## Summary\nLists spec escalation." } : {}) },
  });
  expect(response.status(), await response.text()).toBe(201);
}

const showing = (page: Page, label: string) => page.getByRole("navigation", { name: label }).locator("p");
const urlWith = (params: Record<string, string>) =>
  new RegExp(`\\?${new URLSearchParams(params).toString().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

test("My sessions: search narrows the list and the URL, pages survive reload, Back restores the query, status and sort apply", async ({
  pageAs,
  requestAs,
}) => {
  const tag = uniqueTag("lists");
  const owner = await requestAs("owner");
  const ids: string[] = [];
  for (let index = 0; index < 30; index += 1) {
    const company = index % 2 === 0 ? `Contoso ${tag}` : `Fabrikam ${tag}`;
    ids.push(await createSession(owner, { title: `${tag} mailbox #${String(index).padStart(2, "0")}`, company_name: company }));
  }
  for (const index of [3, 4, 5]) await handOff(owner, ids[index]!, "park");

  const page = await pageAs("owner");
  await page.goto("/pilot");
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  const search = page.getByRole("searchbox", { name: "Search sessions" });
  await expect(search).toHaveAttribute("data-shortcut-search");
  const rows = page.getByTestId("session-row");

  // Typing searches after a pause; the URL carries it.
  await search.fill(tag);
  await expect(page).toHaveURL(urlWith({ q: tag }));
  await expect(showing(page, "My sessions pages")).toContainText("Showing 1–25 of 30");
  await expect(rows).toHaveCount(25);
  for (const row of await rows.all()) await expect(row).toContainText(tag);

  // Page 2, then a reload keeps page 2 and the search.
  await page.getByRole("navigation", { name: "My sessions pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(urlWith({ q: tag, page: "2" }));
  await expect(showing(page, "My sessions pages")).toContainText("Showing 26–30 of 30");
  await expect(rows).toHaveCount(5);
  await page.reload();
  await expect(showing(page, "My sessions pages")).toContainText("Showing 26–30 of 30");
  await expect(rows).toHaveCount(5);
  await expect(search).toHaveValue(tag);

  // Back returns to page 1 of the same search, then to the unsearched list.
  await page.goBack();
  await expect(page).toHaveURL(urlWith({ q: tag }));
  await expect(showing(page, "My sessions pages")).toContainText("Showing 1–25 of 30");
  await page.goBack();
  await expect(page).toHaveURL(/\/pilot$/);
  await expect(search).toHaveValue("");

  // Status filter on top of the search, undone by Back.
  await page.goForward();
  await expect(search).toHaveValue(tag);
  await page.getByLabel("Status", { exact: true }).selectOption("parked");
  await expect(page).toHaveURL(urlWith({ q: tag, status: "parked" }));
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toContainText("Parked");
  await expect(showing(page, "My sessions pages")).toContainText("Showing 1–3 of 3");
  await page.goBack();
  await expect(page).toHaveURL(urlWith({ q: tag }));
  await expect(rows).toHaveCount(25);

  // Sort by title: #00 first.
  await page.getByLabel("Sort", { exact: true }).selectOption("title");
  await expect(page).toHaveURL(urlWith({ q: tag, sort: "title" }));
  await expect(rows.first()).toContainText(`${tag} mailbox #00`);
  await expect(rows.nth(1)).toContainText(`${tag} mailbox #01`);

  // Company search.
  await search.fill(`Fabrikam ${tag}`);
  await expect(page).toHaveURL(urlWith({ q: `Fabrikam ${tag}`, sort: "title" }));
  await expect(showing(page, "My sessions pages")).toContainText("Showing 1–15 of 15");
  for (const row of await rows.all()) await expect(row).toContainText(`Fabrikam ${tag}`);

  // Nothing matches: its own empty state, and Clear filters goes back to everything.
  await search.fill(`${tag}-nothing`);
  await expect(page.getByRole("heading", { name: `No sessions match “${tag}-nothing”` })).toBeVisible();
  await expect(page.getByText("No sessions yet")).toHaveCount(0);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/pilot\?sort=title$/);
  await expect(search).toHaveValue("");
  await expect(rows.first()).toBeVisible();
});

test("rows with the same title are told apart by company, ticket, time and status", async ({ pageAs, requestAs }) => {
  const tag = uniqueTag("lists-twins");
  const owner = await requestAs("owner");
  await createSession(owner, { title: `VPN drops ${tag}`, company_name: "Contoso Dental" });
  const parked = await createSession(owner, { title: `VPN drops ${tag}`, company_name: "Fabrikam Legal" });
  await handOff(owner, parked, "park");

  const page = await pageAs("owner");
  await page.goto(`/pilot?q=${encodeURIComponent(tag)}`);
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Fabrikam Legal");
  await expect(rows.nth(0)).toContainText("Parked");
  await expect(rows.nth(1)).toContainText("Contoso Dental");
  await expect(rows.nth(1)).toContainText("Active");
  for (const row of await rows.all()) {
    await expect(row).toContainText("No ticket linked");
    await expect(row).toContainText(/Updated .+/);
    // The exact time is the relative time's tooltip.
    await expect(row.locator("time")).toHaveAttribute("title", /\d/);
  }
});

test("a bad page or status in the URL shows the list instead of an error", async ({ pageAs }) => {
  const page = await pageAs("owner");
  const response = await page.goto("/pilot?page=abc&status=closed&sort=sideways");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Sort", { exact: true })).toHaveValue("updated");
});

test("Escalations: search, sort by waiting time, reload and Back, status filter and Clear filters", async ({ pageAs, requestAs }) => {
  const tag = uniqueTag("lists-queue");
  const junior = await requestAs("junior");
  const older = await createSession(junior, { title: `Printer offline ${tag}`, company_name: `Contoso ${tag}` });
  await handOff(junior, older, "escalate");
  const newer = await createSession(junior, { title: `Printer offline ${tag}`, company_name: `Fabrikam ${tag}` });
  await handOff(junior, newer, "escalate");

  const senior = await pageAs("senior");
  await senior.goto("/escalations");
  const search = senior.getByRole("searchbox", { name: "Search escalations" });
  await expect(search).toHaveAttribute("data-shortcut-search");
  const rows = senior.getByTestId("escalation-row");

  await search.fill(tag);
  await expect(senior).toHaveURL(urlWith({ q: tag }));
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-session-id", newer);
  await expect(rows.nth(0)).toContainText(`Fabrikam ${tag}`);
  await expect(rows.nth(0)).toContainText(demoUsers.junior.name);
  await expect(rows.nth(0)).toContainText("Escalated");
  await expect(rows.nth(0).getByRole("link", { name: `Printer offline ${tag}` })).toHaveAttribute(
    "href",
    `/pilot/${newer}?pickup=true&from=escalations`,
  );

  await senior.getByLabel("Sort", { exact: true }).selectOption("waiting");
  await expect(senior).toHaveURL(urlWith({ q: tag, sort: "waiting" }));
  await expect(rows.nth(0)).toHaveAttribute("data-session-id", older);
  await senior.reload();
  await expect(rows.nth(0)).toHaveAttribute("data-session-id", older);
  await expect(senior.getByLabel("Sort", { exact: true })).toHaveValue("waiting");
  await senior.goBack();
  await expect(senior).toHaveURL(urlWith({ q: tag }));
  await expect(rows.nth(0)).toHaveAttribute("data-session-id", newer);

  await search.fill(`Contoso ${tag}`);
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toHaveAttribute("data-session-id", older);

  await senior.getByLabel("Status", { exact: true }).selectOption("requesting_escalation");
  await expect(senior).toHaveURL(urlWith({ q: `Contoso ${tag}`, status: "requesting_escalation" }));
  await expect(senior.getByRole("heading", { name: `No escalations match “Contoso ${tag}”` })).toBeVisible();
  await senior.getByRole("link", { name: "Clear filters" }).click();
  await expect(senior).toHaveURL(/\/escalations$/);
  await expect(search).toHaveValue("");
});

test("a viewer reads the team's sessions, opens an active one, and is told engineers pick escalations up", async ({ pageAs, requestAs }) => {
  const tag = uniqueTag("lists-viewer");
  const owner = await requestAs("owner");
  const id = await createSession(owner, { title: `Team view ${tag}`, company_name: "Litware" });

  const viewer = await pageAs("viewer");
  await viewer.goto("/pilot");
  await expect(viewer.getByRole("heading", { level: 1, name: "Team sessions" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "New session" })).toHaveCount(0);
  await expect(viewer.getByText(/you start or pick up/i)).toHaveCount(0);
  await viewer.getByRole("searchbox", { name: "Search sessions" }).fill(tag);
  const row = viewer.getByTestId("session-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`Started by ${demoUsers.owner.name}`);
  await expect(row).toContainText("Active");
  await row.getByRole("link").click();
  await expect(viewer).toHaveURL(new RegExp(`/pilot/${id}$`));
  await expect(viewer.getByRole("heading", { level: 1, name: `Team view ${tag}` })).toBeVisible();
  await expect(viewer.getByText("We couldn't find that")).toHaveCount(0);

  await viewer.goto("/escalations");
  await expect(viewer.getByText("Viewers can read escalations; engineers pick them up.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Pick up" })).toHaveCount(0);
});
