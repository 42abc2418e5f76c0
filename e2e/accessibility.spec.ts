import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { visitEveryPage } from "./support/app-pages";

// Every page at a desktop width, in the light scheme (the dark scheme has its own spec).
const desktop = { width: 1440, height: 900 };
const blocking = new Set(["serious", "critical"]);

/** axe's serious and critical findings, one line per rule and one per element it found. */
async function blockingViolations(page: Page): Promise<string[]> {
  // axe waits forever on a frame that may run no script (the dev mailbox's mail); e2e/dev-mailbox.spec.ts checks the frame.
  const results = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  return results.violations
    .filter((violation) => violation.impact && blocking.has(violation.impact))
    .map((violation) =>
      [
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map((node) => `    at ${node.target.join(" ")}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, " ")}` : ""}`),
      ].join("\n"),
    );
}

async function expectAccessible(page: Page, name: string) {
  const violations = await blockingViolations(page);
  expect.soft(violations, `${name}: serious or critical axe violations\n${violations.join("\n")}`).toEqual([]);
}

test("every page of the app has no serious or critical accessibility violations", async ({ pageAs, requestAs }) => {
  await visitEveryPage(
    { pageAs, ownerRequest: await requestAs("owner") },
    async (page) => {
      await page.setViewportSize(desktop);
      await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
    },
    (page, entry) => expectAccessible(page, entry.name),
  );
});

test("the sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  await page.setViewportSize(desktop);
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to FlowPilot" })).toBeVisible();
  await expectAccessible(page, "sign in");
});
