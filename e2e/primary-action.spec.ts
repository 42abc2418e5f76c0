import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openNewSession, suggestFixInChat, uniqueTag } from "./support/pilot-session";

/**
 * The lane's way out follows the state (components/pilot/lane/resolve-bar.tsx): "Escalate instead"
 * is the primary button while nothing has fixed the problem, neither while a fix is being tried,
 * and "Resolve" once the fix is confirmed to work. Button marks its emphasis as data-variant.
 */

function wayOut(page: Page) {
  const bar = page.getByRole("region", { name: "Resolve or escalate" });
  return {
    bar,
    resolve: bar.getByRole("button", { name: "Resolve", exact: true }),
    escalate: bar.getByRole("button", { name: "Escalate instead" }),
  };
}

const fix = {
  title: "Restart the print spooler",
  description: "The spooler service hung after the driver update; restarting it clears the queue.",
  confidence: 0.8,
};

test("Escalate is primary until a fix is verified, then Resolve is", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("pa");
  const page = await pageAs("junior");
  const { fixCard } = await openNewSession(page, await requestAs("junior"), { title: `Printer queue stuck ${tag}` });
  const { bar, resolve, escalate } = wayOut(page);

  // Nothing found yet: escalating is the way forward.
  await expect(escalate).toHaveAttribute("data-variant", "primary");
  await expect(escalate).toHaveAttribute("data-command", "escalate");
  await expect(resolve).toHaveAttribute("data-variant", "secondary");
  await expect(resolve).toHaveAttribute("data-command", "resolve");
  await expect(bar).toContainText("Nothing has fixed it yet");

  // A fix to try: the fix card leads, neither way out is primary.
  await suggestFixInChat(page, request, { tag, message: "Jobs sit in the queue and never print.", prose: "That sounds like a hung spooler.", fix });
  await expect(bar).toContainText("Try the suggested fix first");
  await expect(resolve).toHaveAttribute("data-variant", "secondary");
  await expect(escalate).toHaveAttribute("data-variant", "secondary");

  await fixCard.getByRole("button", { name: "Apply fix" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Verifying");
  await expect(resolve).toHaveAttribute("data-variant", "secondary");
  await expect(escalate).toHaveAttribute("data-variant", "secondary");

  // Verified: resolving is the way forward.
  await fixCard.getByRole("button", { name: "It worked" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Worked");
  await expect(resolve).toHaveAttribute("data-variant", "primary");
  await expect(escalate).toHaveAttribute("data-variant", "secondary");
  await expect(bar).toContainText("The fix worked.");
});

test("a fix that didn't work makes Escalate primary again", async ({ pageAs, requestAs, request }) => {
  const tag = uniqueTag("pa");
  const page = await pageAs("junior");
  const { fixCard } = await openNewSession(page, await requestAs("junior"), { title: `Printer still stuck ${tag}` });
  const { bar, resolve, escalate } = wayOut(page);

  await suggestFixInChat(page, request, { tag, message: "Jobs sit in the queue and never print.", prose: "That sounds like a hung spooler.", fix });
  await fixCard.getByRole("button", { name: "Apply fix" }).click();
  await expect(fixCard.getByTestId("fix-stage")).toHaveText("Verifying");
  await fixCard.getByRole("button", { name: "It didn't work" }).click();

  await expect(bar).toContainText("The fix didn't work.");
  await expect(escalate).toHaveAttribute("data-variant", "primary");
  await expect(resolve).toHaveAttribute("data-variant", "secondary");
});
