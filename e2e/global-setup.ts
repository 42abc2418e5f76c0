import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { authFile, roles, signInAs } from "./support/sign-in";

/**
 * Signs each demo role in through the real login form once and stores the browser state under
 * e2e/.auth/<role>.json, so specs start signed in without repeating the form (see fixtures.ts).
 */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const project = config.projects[0]!;
  const { baseURL, launchOptions } = project.use;
  mkdirSync(path.dirname(authFile("junior")), { recursive: true });
  const browser = await chromium.launch(launchOptions);
  try {
    for (const role of roles) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      try {
        await signInAs(page, role);
        await context.storageState({ path: authFile(role) });
      } catch (error) {
        const screenshot = path.join(project.outputDir, `global-setup-${role}.png`);
        await page.screenshot({ path: screenshot }).catch(() => {});
        throw new Error(`Signing in as ${role} failed at ${page.url()} (screenshot: ${screenshot})`, { cause: error });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}
