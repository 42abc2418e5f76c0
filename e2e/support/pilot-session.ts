import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { enqueueReplies } from "./fake-model";

/** A marker block as the model writes it (lib/ai/markers.ts). */
export const markerBlock = (name: string, data: unknown) => `[${name}]\n${JSON.stringify(data)}\n[/${name}]`;

/**
 * A tag unique to this run, starting with `prefix` (one per spec). Put it in what the model's
 * prompt will contain and give it as the fake's `match`, so a test in the other worker can't take
 * the replies.
 */
export const uniqueTag = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Sends `message` from the pilot chat's composer once it takes input. */
export async function sendToPilot(page: Page, message: string) {
  const composer = page.getByRole("textbox", { name: "Message FlowPilot" });
  await expect(composer).toBeEnabled();
  await composer.fill(message);
  await composer.press("Enter");
}

export type NewSession = { title: string; company_name?: string };
export type OpenSession = { id: string; fixCard: Locator };

/** Creates a session through the API as `api`'s user, opens it on `page` and waits for its title. */
export async function openNewSession(page: Page, api: APIRequestContext, session: NewSession): Promise<OpenSession> {
  const created = await api.post("/api/v1/ai-sessions", { data: session });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.goto(`/pilot/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: session.title })).toBeVisible();
  return { id, fixCard: page.getByRole("region", { name: "Suggested fix" }) };
}

/** What the model's [SUGGEST_FIX] block carries (lib/ai/markers.ts). */
export type SuggestedFix = { title: string; description: string; confidence: number; script?: string; parameters?: Record<string, string> };

type FixTurn = {
  /** In the session's title, so the reply goes to this test's turn. */
  tag: string;
  /** The engineer's message. */
  message: string;
  /** The reply's prose, before the marker block. */
  prose: string;
  fix: SuggestedFix;
};

/**
 * D1 through the chat: the fake model answers the next turn of the session open on `page` with
 * `prose` and a suggested fix, the engineer sends `message`, and the fix card shows the fix.
 */
export async function suggestFixInChat(page: Page, request: APIRequestContext, { tag, message, prose, fix }: FixTurn): Promise<void> {
  const reply = [prose, markerBlock("SUGGEST_FIX", fix)].join("\n");
  await enqueueReplies(request, [{ text: reply, match: tag }]);
  await sendToPilot(page, message);
  await expect(page.getByRole("region", { name: "Suggested fix" })).toContainText(fix.title);
}

/**
 * A new session as `api`'s user, open on `page`, with a suggested fix from the fake model: the
 * set-up of the flows that start from a fix. `session.title` must contain `tag`.
 */
export async function startSessionWithFix(
  page: Page,
  request: APIRequestContext,
  { api, session, ...turn }: FixTurn & { api: APIRequestContext; session: NewSession },
): Promise<OpenSession> {
  const opened = await openNewSession(page, api, session);
  await suggestFixInChat(page, request, turn);
  return opened;
}
