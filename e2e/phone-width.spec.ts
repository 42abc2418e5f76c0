import type { Page } from "@playwright/test";
import { demoSessions, expect, test, type Role } from "./fixtures";
import { settlePage, closePageDialog } from "./support/settle-page";
import { visitEveryPage } from "./support/app-pages";

// A phone held upright (iPhone 12–15 size): nothing may scroll sideways, and the navigation is a labelled drawer.
const phone = { width: 390, height: 844 };

const sections = ["Pilot", "Escalations", "Tickets", "Scripts", "Knowledge", "Analytics", "Settings"];
const sectionsFor = (role: Role) => (role === "viewer" ? sections.filter((name) => name !== "Analytics") : sections);
const sectionLink = (name: string) => new RegExp(`^${name}\\b`);

/** How far the page scrolls sideways, and the elements that stick out past the right edge (for the message). */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && element.getClientRects().length > 0)
      // The innermost ones say the most: skip an element whose child already sticks out.
      .filter((element, _, all) => !all.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => {
        const classes = typeof element.className === "string" ? element.className.split(/\s+/).slice(0, 6).join(".") : "";
        return `<${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}> right edge ${Math.round(element.getBoundingClientRect().right)}px`;
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, culprits };
  });
}

async function expectNoSidewaysScroll(page: Page, name: string) {
  const overflow = await sidewaysOverflow(page);
  expect
    .soft(overflow.scrollWidth, `${name}: scrolls sideways to ${overflow.scrollWidth}px at ${overflow.innerWidth}px\n  ${overflow.culprits.join("\n  ")}`)
    .toBeLessThanOrEqual(overflow.innerWidth);
}

/** Opens the drawer from the top bar's Menu button and checks it lists `role`'s sections by name. */
async function expectLabelledDrawer(page: Page, role: Role, name: string) {
  // The open drawer hides the rest of the page from assistive tech (Radix sets aria-hidden), so the
  // button is looked up including hidden elements to read its state while the drawer is open.
  const menu = page.getByRole("button", { name: "Open navigation", includeHidden: true });
  await expect(menu, `${name}: the Menu button`).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  const drawer = page.getByRole("dialog", { name: "Navigation" });
  await expect(drawer).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = drawer.getByRole("navigation", { name: "Main" });
  for (const section of sectionsFor(role)) {
    await expect.soft(nav.getByRole("link", { name: sectionLink(section) }), `${name}: drawer link ${section}`).toBeVisible();
  }
  if (role === "viewer") await expect.soft(nav.getByRole("link", { name: sectionLink("Analytics") })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();
}

test("no page of the app scrolls sideways at 390 px, and each offers the navigation drawer", async ({ pageAs, requestAs }) => {
  await visitEveryPage(
    { pageAs, ownerRequest: await requestAs("owner") },
    (page) => page.setViewportSize(phone),
    async (page, entry) => {
      await expect(page.getByRole("complementary", { name: "Sidebar" })).toBeHidden();
      await expectNoSidewaysScroll(page, entry.name);
      // A page may open with a dialog of its own (a resolved session offers its draft templates);
      // it was measured above, and is put away before the drawer is tried.
      await closePageDialog(page);
      await expectLabelledDrawer(page, entry.role, entry.name);
    },
  );
});

test("the sign-in page does not scroll sideways at 390 px", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to FlowPilot" })).toBeVisible();
  await expectNoSidewaysScroll(page, "sign in");
});

test.describe("the navigation drawer", () => {
  test("closes when a link is followed, and then marks the new section current", async ({ pageAs }) => {
    const page = await pageAs("junior");
    await page.setViewportSize(phone);
    await page.goto("/pilot");
    await settlePage(page);
    await page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer.getByRole("link", { name: sectionLink("Pilot") })).toHaveAttribute("aria-current", "page");
    await drawer.getByRole("link", { name: sectionLink("Tickets") }).click();

    await expect(page).toHaveURL(/\/tickets(\?|$)/);
    await expect(drawer).toBeHidden();
    await page.getByRole("button", { name: "Open navigation" }).click();
    await expect(drawer.getByRole("link", { name: sectionLink("Tickets") })).toHaveAttribute("aria-current", "page");
    await expect(drawer.getByRole("link", { name: sectionLink("Pilot") })).not.toHaveAttribute("aria-current", "page");
  });

  test("keeps focus inside while open and closes on a click outside it", async ({ pageAs }) => {
    const page = await pageAs("senior");
    await page.setViewportSize(phone);
    await page.goto("/escalations");
    await settlePage(page);
    const menu = page.getByRole("button", { name: "Open navigation" });
    await menu.click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer).toBeVisible();

    // More Tabs than the drawer has stops, forwards and back: focus never leaves it.
    for (const key of ["Tab", "Shift+Tab"]) {
      for (let press = 0; press < 12; press += 1) {
        await page.keyboard.press(key);
        expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      }
    }

    // The drawer is at most 85% of the width: the strip on the right is the overlay.
    await page.mouse.click(phone.width - 10, phone.height / 2);
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test("shows the counts beside their links, as the sidebar does", async ({ pageAs }) => {
    const page = await pageAs("senior");
    await page.setViewportSize(phone);
    await page.goto("/pilot");
    await settlePage(page);
    await page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = page.getByRole("dialog", { name: "Navigation" });
    await expect(drawer.getByRole("link", { name: /^Escalations \d+ escalations? waiting$/ })).toBeVisible();
    await expect(drawer.getByRole("link", { name: /^Scripts \d+ draft templates? waiting for review$/ })).toBeVisible();
  });

  test("follows the origin: a session opened from the escalation queue highlights Escalations", async ({ pageAs }) => {
    const page = await pageAs("senior");
    await page.setViewportSize(phone);
    await page.goto(`/pilot/${demoSessions.escalated}?from=escalations`);
    await settlePage(page);
    await page.getByRole("button", { name: "Open navigation" }).click();
    const nav = page.getByRole("dialog", { name: "Navigation" }).getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: sectionLink("Escalations") })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: sectionLink("Pilot") })).not.toHaveAttribute("aria-current", "page");
  });
});

test("from md up the sidebar keeps its labelled links and there is no Menu button", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto(`/pilot/${demoSessions.escalated}?from=escalations`);
  await settlePage(page);
  await expect(page.getByRole("button", { name: "Open navigation" })).toBeHidden();
  const nav = page.getByRole("complementary", { name: "Sidebar" }).getByRole("navigation", { name: "Main" });
  for (const section of sectionsFor("viewer")) await expect(nav.getByRole("link", { name: sectionLink(section) })).toBeVisible();
  // Viewers can't open Analytics, so they are not offered it.
  await expect(nav.getByRole("link", { name: sectionLink("Analytics") })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: sectionLink("Escalations") })).toHaveAttribute("aria-current", "page");
});

test("on a phone the task lane follows the chat, and the composer stays usable", async ({ pageAs }) => {
  const page = await pageAs("junior");
  await page.setViewportSize(phone);
  await page.goto(`/pilot/${demoSessions.active}`);
  await settlePage(page);
  const chat = page.getByRole("region", { name: "Conversation" });
  const lane = page.getByRole("complementary", { name: "Task lane" });
  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  await expect(chat).toBeVisible();
  await expect(lane).toBeVisible();

  const chatBox = (await chat.boundingBox())!;
  const laneBox = (await lane.boundingBox())!;
  // One column: the lane starts below the chat's bottom edge and both fit the screen's width.
  expect(laneBox.y).toBeGreaterThanOrEqual(chatBox.y + chatBox.height);
  for (const box of [chatBox, laneBox]) expect(box.x + box.width).toBeLessThanOrEqual(phone.width);

  // The long seeded script line scrolls inside its block rather than widening the page.
  const script = lane.getByRole("region", { name: "Script" });
  await expect(script).toBeVisible();
  expect(await script.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await expectNoSidewaysScroll(page, "working session");

  await composer.scrollIntoViewIfNeeded();
  await composer.click();
  await expect(composer).toBeFocused();
  const composerBox = (await composer.boundingBox())!;
  expect(composerBox.y + composerBox.height).toBeLessThanOrEqual(chatBox.y + chatBox.height);
  await composer.fill("Typed on a phone");
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
});
