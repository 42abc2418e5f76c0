import { expect, type Page } from "@playwright/test";

/**
 * Escalates the session open on `page` as the signed-in engineer, with `reason`, and returns the
 * handoff id. The pilot page has no escalate control yet (its preview dialog says "Escalation
 * handoff arrives with escalation mode"), so this posts to the same API a confirmed escalation
 * would, with the page's own cookies, while the page stays open. Swap in the dialog once it can post.
 */
export async function escalateOpenSession(page: Page, reason: string): Promise<{ sessionId: string; handoffId: string }> {
  const sessionId = /\/pilot\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!sessionId) throw new Error(`Not on a session page: ${page.url()}`);
  const response = await page.request.post(`/api/v1/ai-sessions/${sessionId}/handoff`, {
    data: { intent: "escalate", reason },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { handoff: { id: string } };
  return { sessionId, handoffId: body.handoff.id };
}
