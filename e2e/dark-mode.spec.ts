import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { appPages, type AppPage } from "./support/app-pages";
import { authFile } from "./support/sign-in";

/**
 * The dark theme (prefers-color-scheme: dark, app/globals.css) on every page: the page really is
 * dark, and axe's color-contrast rule finds nothing serious or critical. Each page opens in its own
 * dark browser context, signed in as a role that can open it.
 */

/** The relative luminance (0 black – 1 white) of the body's background, whatever colour syntax it computes to. */
function bodyBackgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3), (value) => {
      const channel = value / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

/**
 * Waits until nothing on the page is loading (`aria-busy`) and no finite animation or transition
 * is running: axe reads colours as they are drawn, so a dialog that opens once its data arrives
 * (the resolved session's template offer) and is still fading in reads as a contrast failure.
 * Endless animations (spinners, pulses) never end and are left running.
 */
async function pageSettled(page: Page) {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== "running" || animation.effect?.getTiming().iterations === Infinity),
  );
}

/** One line per serious or critical contrast failure: the rule, the element and axe's summary. */
async function contrastFailures(page: Page, name: string): Promise<string[]> {
  // axe waits forever on a frame that may run no script (the dev mailbox's mail, drawn light in both themes).
  const results = await new AxeBuilder({ page }).withRules(["color-contrast"]).exclude("iframe[sandbox]").analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.map((node) => `${name}: ${node.target.join(" ")} — ${node.failureSummary?.replace(/\s+/g, " ") ?? violation.help}`),
    );
}

async function checkDark(browser: Browser, baseURL: string | undefined, target: AppPage | { name: string; path: string; role: null }) {
  const context = await browser.newContext({ baseURL, colorScheme: "dark", storageState: target.role ? authFile(target.role) : undefined });
  try {
    const page = await context.newPage();
    const response = await page.goto(target.path);
    expect(response?.status(), `${target.name} (${target.path})`).toBeLessThan(400);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await bodyBackgroundLuminance(page), `${target.name}: the body background is dark`).toBeLessThan(0.05);
    await pageSettled(page);
    return await contrastFailures(page, target.name);
  } finally {
    await context.close();
  }
}

test("every page is dark and passes axe color-contrast in the dark theme", async ({ browser, baseURL, requestAs }) => {
  const pages = await appPages(await requestAs("owner"));
  test.setTimeout(30_000 + pages.length * 15_000);
  const failures: string[] = [];
  for (const target of pages) {
    await test.step(target.name, async () => {
      failures.push(...(await checkDark(browser, baseURL, target)));
    });
  }
  expect(failures, `Contrast failures in the dark theme:\n${failures.join("\n")}`).toEqual([]);
});

test("the sign-in page is dark and passes axe color-contrast in the dark theme", async ({ browser, baseURL }) => {
  const failures = await checkDark(browser, baseURL, { name: "sign in", path: "/login", role: null });
  expect(failures, `Contrast failures in the dark theme:\n${failures.join("\n")}`).toEqual([]);
});
