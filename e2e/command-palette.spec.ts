import type { Locator, Page } from "@playwright/test";
import { demoSessions, demoUsers, expect, test } from "./fixtures";
import { escalateOpenSession } from "./support/escalate";
import { openNewSession, uniqueTag } from "./support/pilot-session";

/**
 * K3: the Cmd/Ctrl+K palette, the `?` overlay and `/`, as a person uses them. Each test makes the
 * sessions it changes; the seeded ones are only read.
 */

/** The top bar's palette button; it carries the shortcut once the page has hydrated and listens for keys. */
const paletteButton = (page: Page) => page.getByRole("button", { name: "Search or run a command" });

async function waitForShortcuts(page: Page) {
  await expect(paletteButton(page)).toHaveAttribute("aria-keyshortcuts", /^(Control|Meta)\+K$/);
}

/** Opens the palette with the platform's key (Ctrl+K here, ⌘K on a Mac) and returns it. */
async function openPalette(page: Page): Promise<Locator> {
  await waitForShortcuts(page);
  await page.keyboard.press("ControlOrMeta+K");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox", { name: "Search or run a command" })).toBeFocused();
  return palette;
}

const option = (palette: Locator, name: string | RegExp) =>
  palette.getByRole("option", typeof name === "string" ? { name, exact: true } : { name });

test("Ctrl+K opens the palette; typing a page's name and Enter goes there", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  const palette = await openPalette(page);

  await page.keyboard.type("Escalations");
  await expect(option(palette, "Escalations")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/escalations$/);
  await expect(palette).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Escalations" })).toBeVisible();
});

test("Ctrl+K closes it again, and Escape gives focus back to where it was", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  await waitForShortcuts(page);
  const button = paletteButton(page);
  await button.focus();

  let palette = await openPalette(page);
  await page.keyboard.press("ControlOrMeta+K");
  await expect(palette).toBeHidden();

  palette = await openPalette(page);
  await page.keyboard.press("Escape");
  await expect(palette).toBeHidden();
  await expect(button).toBeFocused();
});

test("the top-bar button opens the palette for the mouse, and a click on a row navigates", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  await waitForShortcuts(page);
  await paletteButton(page).click();
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await option(palette, "Tickets").click();
  await expect(page).toHaveURL(/\/tickets$/);
});

test("jumps to a seeded session by title, told apart by company, ticket and status", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  const palette = await openPalette(page);

  await page.keyboard.type("Outlook prompts for a password");
  const result = option(palette, /Outlook prompts for a password every few minutes/).first();
  await expect(result).toBeVisible();
  await expect(result).toContainText("Northwind Dental");
  await expect(result).toContainText("#48233");
  await expect(result).toContainText("Active");
  await result.click();

  await expect(page).toHaveURL(new RegExp(`/pilot/${demoSessions.active}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Outlook prompts for a password every few minutes" })).toBeVisible();
});

test("an escalation found by title opens on the handoff screen, from Escalations", async ({ pageAs }) => {
  const page = await pageAs("senior");
  await page.goto("/escalations");
  const palette = await openPalette(page);

  await page.keyboard.type("Azure AD Connect sync");
  const result = option(palette, /Azure AD Connect sync failing after certificate renewal/).first();
  await expect(result).toContainText("Fabrikam Logistics");
  await result.click();

  await expect(page).toHaveURL(new RegExp(`/pilot/${demoSessions.escalated}\\?pickup=true&from=escalations$`));
});

test("a search with no match says so", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  const palette = await openPalette(page);
  await page.keyboard.type(`zz-${uniqueTag("cp")}`);
  await expect(palette.getByText("No sessions match")).toBeVisible();
  await expect(palette.getByRole("option")).toHaveCount(0);
});

test("on a pilot page, Add note and Focus chat do what their controls do", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await openNewSession(page, page.request, { title: `Palette page commands ${uniqueTag("cp")}` });

  let palette = await openPalette(page);
  // The page's own commands come first, before anything is typed.
  const thisPage = palette.getByRole("group", { name: "This page" });
  for (const name of ["Resolve…", "Escalate…", "Add note", "Focus chat"]) await expect(option(thisPage, name)).toBeVisible();
  await expect(option(palette, "Pick up")).toHaveCount(0);

  await page.keyboard.type("Add note");
  await expect(option(palette, "Add note")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  const note = page.getByRole("textbox", { name: "New note" });
  await expect(note).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(note).toBeHidden();

  palette = await openPalette(page);
  await page.keyboard.type("Focus chat");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  await expect(composer).toBeFocused();

  // Ctrl+K works while typing, and Escape puts the cursor back in the chat box.
  await page.keyboard.type("half a thought");
  await page.keyboard.press("ControlOrMeta+K");
  await expect(page.getByRole("dialog", { name: "Command palette" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(composer).toBeFocused();
  await expect(composer).toHaveValue("half a thought");
});

test("on a pilot page, Resolve… opens the resolution note as the button does", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await openNewSession(page, page.request, { title: `Palette resolve ${uniqueTag("cp")}` });
  const palette = await openPalette(page);
  await option(palette, "Resolve…").click();
  const preview = page.getByRole("dialog", { name: "Resolution note" });
  await expect(preview).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();
});

test("on an escalation, Pick up claims it", async ({ pageAs }) => {
  const tag = uniqueTag("cp");
  const junior = await pageAs("junior");
  const { id } = await openNewSession(junior, junior.request, { title: `Palette pickup ${tag}` });
  await escalateOpenSession(junior, `Needs a senior (${tag}).`);

  const senior = await pageAs("senior");
  await senior.goto(`/pilot/${id}?pickup=true`);
  await expect(senior.getByRole("region", { name: "Escalation handoff" })).toBeVisible();
  const palette = await openPalette(senior);
  // The handoff screen is read-only: only Pick up is offered.
  await expect(option(palette, "Resolve…")).toHaveCount(0);
  await option(palette, "Pick up").click();

  await senior.waitForURL((url) => url.pathname === `/pilot/${id}` && url.searchParams.get("pickup") === null);
  await expect(senior.getByRole("textbox", { name: "Message FlowPilot" })).toBeEnabled();
});

test("New session opens the New session dialog, and a reload doesn't reopen it", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/escalations");
  const palette = await openPalette(page);
  await page.keyboard.type("New session");
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "New session" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/pilot$/);
  await expect(palette).toBeHidden();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await waitForShortcuts(page);
  await expect(dialog).toBeHidden();
});

test("? opens the shortcut overlay and Escape closes it; so does the user menu", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  await waitForShortcuts(page);

  await page.keyboard.press("Shift+Slash");
  const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText("Open or close the command palette");
  await expect(overlay).toContainText("Search on this page");
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  await page.getByRole("button", { name: `Account menu for ${demoUsers.junior.name}` }).click();
  await page.getByRole("menuitem", { name: "Keyboard shortcuts" }).click();
  await expect(overlay).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(overlay).toBeHidden();

  // And from the palette.
  const palette = await openPalette(page);
  await page.keyboard.type("shortcuts");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(overlay).toBeVisible();
});

test("/ focuses the tickets search, and keys typed there stay text", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/tickets");
  const search = page.getByRole("search", { name: "Filter tickets" }).getByLabel("Search", { exact: true });
  await expect(search).toBeEnabled();
  await waitForShortcuts(page);

  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.press("Shift+Slash");
  await page.keyboard.press("g");
  await page.keyboard.press("e");
  await expect(search).toHaveValue("?ge");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/tickets/);
});

test("g then e goes to Escalations", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.goto("/pilot");
  await waitForShortcuts(page);
  await page.keyboard.press("g");
  await page.keyboard.press("e");
  await expect(page).toHaveURL(/\/escalations$/);
});

test("a viewer's palette has no Analytics and no New session", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await page.goto("/pilot");
  const palette = await openPalette(page);
  await expect(option(palette, "Pilot")).toBeVisible();
  await expect(option(palette, "Escalations")).toBeVisible();
  await expect(option(palette, "Settings")).toBeVisible();
  await expect(option(palette, "Analytics")).toHaveCount(0);
  await expect(option(palette, "New session")).toHaveCount(0);
  await expect(option(palette, "Scripts → Script builder")).toHaveCount(0);
});
