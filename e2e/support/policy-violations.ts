import type { Page } from "@playwright/test";

/**
 * Starts collecting what the browser refused on `page` under its Content-Security-Policy or
 * Permissions-Policy, from before the first script of every document it opens: each
 * `securitypolicyviolation` event, and the console errors Chromium writes for them (which also
 * cover documents no listener can run in, such as a sandboxed frame). Returns the live list.
 */
export async function collectPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportPolicyViolation", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    window.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const report = (window as unknown as { reportPolicyViolation: (line: string) => void }).reportPolicyViolation;
        report(`${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
      },
      true,
    );
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Permissions-Policy|Permissions policy/i.test(text)) violations.push(`console ${message.type()}: ${text}`);
  });
  return violations;
}
