import { test as base, type APIRequestContext, type Page } from "@playwright/test";
import { authFile, type Role } from "./support/sign-in";

export { expect } from "@playwright/test";
export { demoAccount, demoSessions, demoUsers, otherAccount, otherSessions, otherUsers } from "../prisma/seed-data";
export { demoPassword, roles, submitLoginForm, signInAs, type Role } from "./support/sign-in";
export {
  DEFAULT_MODEL_REPLY,
  enqueueReplies,
  fakeModelUrl,
  promptOf,
  recordedModelRequests,
  resetModel,
  setModelMode,
  type FakeReply,
  type ModelMode,
  type RecordedRequest,
} from "./support/fake-model";

type Fixtures = {
  /** A new page in its own browser context, signed in as `role` from the state global setup stored. */
  pageAs: (role: Role) => Promise<Page>;
  /** An API client carrying the signed-in cookies of `role`. */
  requestAs: (role: Role) => Promise<APIRequestContext>;
};

// Fixture bodies name their callback `provide`, not `use`, so the React hooks lint rule leaves them be.
export const test = base.extend<Fixtures>({
  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ baseURL, storageState: authFile(role) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  requestAs: async ({ playwright, baseURL }, provide) => {
    const clients: APIRequestContext[] = [];
    await provide(async (role) => {
      const client = await playwright.request.newContext({ baseURL, storageState: authFile(role) });
      clients.push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.dispose()));
  },
});
