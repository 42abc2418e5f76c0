import { expect, type Page } from "@playwright/test";

/**
 * Stored-XSS tripwires for a page. Every hostile payload the specs plant does one thing if it
 * ever runs: `window.__xss = 1`. An init script (installed before the app's own scripts, in every
 * document the page loads) turns that assignment into a report back to the test, so a payload
 * that runs on a page the test has already left is still caught; `alert`/`confirm`/`prompt` show
 * up as dialog events. `expectNoScriptRan` also reads the DOM for what a payload would leave
 * behind if the browser parsed it as markup: event-handler attributes and `javascript:` URLs.
 */
export type ScriptWatch = { hits: string[]; dialogs: string[] };

/** The global the payloads assign; any write to it is a script that should never have run. */
const TRIPWIRE = "__xss";

export async function watchForScript(page: Page): Promise<ScriptWatch> {
  const watch: ScriptWatch = { hits: [], dialogs: [] };
  page.on("dialog", (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()} (on ${page.url()})`);
    void dialog.dismiss().catch(() => {});
  });
  await page.exposeBinding("__reportScriptRan", (_source, what: string) => {
    watch.hits.push(what);
  });
  await page.addInitScript((name) => {
    const report = (what: string) => (window as unknown as { __reportScriptRan?: (what: string) => void }).__reportScriptRan?.(`${what} at ${location.href}`);
    let value: unknown;
    Object.defineProperty(window, name, {
      configurable: false,
      get: () => value,
      set: (next: unknown) => {
        value = next;
        report(`window.${name} = ${String(next)}`);
      },
    });
  }, TRIPWIRE);
  return watch;
}

/** Every attribute of the document that would run script: `on*` handlers and `javascript:` URLs. */
function scriptBearingAttributes(): string[] {
  const found: string[] = [];
  const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"]);
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      // Browsers drop ASCII whitespace and control characters before reading a URL's scheme.
      const url = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (name.startsWith("on") || (urlAttributes.has(name) && url.startsWith("javascript:"))) {
        found.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`);
      }
    }
  }
  return found;
}

/**
 * Asserts that on `page` as it stands (call it once `surface` has shown the planted text) no
 * payload ran, anywhere since the watch began, and none left a handler or a `javascript:` link.
 */
export async function expectNoScriptRan(page: Page, watch: ScriptWatch, surface: string): Promise<void> {
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], TRIPWIRE), `${surface}: window.${TRIPWIRE}`).toBeUndefined();
  expect(watch.hits, `${surface}: a payload ran`).toEqual([]);
  expect(watch.dialogs, `${surface}: a dialog opened`).toEqual([]);
  await expect(page.locator('a[href^="javascript:" i]'), `${surface}: a javascript: link`).toHaveCount(0);
  expect(await readScriptBearingAttributes(page), `${surface}: script-bearing attributes`).toEqual([]);
}

/** What `scriptBearingAttributes` finds on the page now, as `<tag attribute="value">` strings. */
export function readScriptBearingAttributes(page: Page): Promise<string[]> {
  return page.evaluate(scriptBearingAttributes);
}
