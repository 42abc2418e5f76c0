import type { APIRequestContext } from "@playwright/test";
import { promptText, type FakeReply, type RecordedRequest } from "../../tests/fakes/anthropic";

/**
 * Scripts the fake Anthropic API that the app under test talks to (tests/fakes/anthropic-server.ts,
 * started by playwright.config.ts). Pass any APIRequestContext: the `request` fixture or a page's
 * `page.request`; the calls go to the fake's absolute URL, not the app.
 *
 * The fake is one server for the whole run, shared by both workers: the queue, the mode and the
 * recorded requests are global. So in a spec that runs beside others:
 * - give queued replies a `match` (text the prompt will contain, e.g. the session's unique title or
 *   the message typed), so another test's model call can't take them;
 * - filter recordedModelRequests() by what your test sent;
 * - leave resetModel() and setModelMode("down") to specs that run alone (see the fake-model
 *   project in playwright.config.ts), or restore "up" right after.
 * With nothing queued, the fake answers DEFAULT_REPLY: plain prose, no markers.
 */

export type { FakeReply, RecordedRequest };
export type ModelMode = "up" | "down";

/** The fake's base URL (also the app's ANTHROPIC_BASE_URL in this run). */
export function fakeModelUrl(): string {
  const url = process.env.E2E_FAKE_MODEL_URL;
  if (!url) throw new Error("E2E_FAKE_MODEL_URL is not set: run the specs through playwright.config.ts, which starts the fake model.");
  return url;
}

async function admin(request: APIRequestContext, method: "GET" | "POST", route: string, data?: unknown): Promise<unknown> {
  const url = `${fakeModelUrl()}/_fake/${route}`;
  const response = method === "GET" ? await request.get(url) : await request.post(url, { data: data ?? {} });
  if (!response.ok()) throw new Error(`Fake model: ${method} /_fake/${route} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** Queues replies the app's next model calls get, in order (text replies stream when asked to). */
export async function enqueueReplies(request: APIRequestContext, replies: FakeReply[]): Promise<void> {
  await admin(request, "POST", "enqueue", { replies });
}

/** "down": every model call gets 529 overloaded_error (after the app's retries) until set "up" again. */
export async function setModelMode(request: APIRequestContext, mode: ModelMode): Promise<void> {
  await admin(request, "POST", "mode", { mode });
}

/** Clears the queue, the mode (back to up), the recorded requests and the simulated prompt cache. */
export async function resetModel(request: APIRequestContext): Promise<void> {
  await admin(request, "POST", "reset");
}

/** Every /v1/messages request the fake received since the last reset, oldest first. */
export async function recordedModelRequests(request: APIRequestContext): Promise<RecordedRequest[]> {
  const { requests } = (await admin(request, "GET", "requests")) as { requests: RecordedRequest[] };
  return requests;
}

/** Everything a recorded request showed the model (system + messages), to filter or assert on. */
export function promptOf(recorded: RecordedRequest): string {
  return promptText(recorded.body);
}

export { DEFAULT_REPLY as DEFAULT_MODEL_REPLY } from "../../tests/fakes/anthropic-server";
