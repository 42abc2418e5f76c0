import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";

/**
 * SPEC A6: whose rows a query may touch. Row-level security reads the scope from the connection
 * (app.account_id, app.system), and lib/tenancy/scoped-pool.ts sets it from here before each query.
 * No scope means no rows: there is no default.
 */
export type DataScope = { kind: "tenant"; accountId: string } | { kind: "system"; context: SystemContext };

/**
 * The only work that may read across tenants, each by name (see docs/behaviour.md, A6).
 * Adding one is a design decision, not a convenience.
 */
export type SystemContext =
  /** Who an email address belongs to: password and Entra sign-in, an invitation's email check. */
  | "identity-lookup"
  /** Which invitation a link's token opens, before its account is known. */
  | "invitation-token"
  /** F9: retrying due email and webhook deliveries of every account. */
  | "notification-sweeper"
  /** F9: reminding every account's seniors of escalations nobody claimed. */
  | "renotify"
  /** The demo and benchmark data, written before any account can sign in. */
  | "seed"
  /** Test setup and assertions, outside the code under test. */
  | "test-harness";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID, the shape of every id a token or a scope names. */
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
const SYSTEM_CONTEXT = /^[a-z]+(-[a-z]+)*$/;

// One store per process: Next bundles this module into more than one layer (pages, route
// handlers, instrumentation), and a scope entered in one must be read by the pool in another.
type RenderTenant = () => { accountId?: string };
const globalForScope = globalThis as unknown as { flowpilotDataScope?: AsyncLocalStorage<DataScope | null>; flowpilotRenderTenant?: RenderTenant };
const store = (globalForScope.flowpilotDataScope ??= new AsyncLocalStorage<DataScope | null>());

/**
 * Runs `work` in `scope`, awaiting it inside: a Prisma query is a lazy thenable that starts only
 * when awaited, so `run(() => db.x.findFirst())` would otherwise start it outside the scope.
 */
function runIn<T>(scope: DataScope | null, work: () => T | PromiseLike<T>): Promise<T> {
  return store.run(scope, async () => await work());
}

/** Runs `work` with the rows of `accountId` only. */
export function runInTenantScope<T>(accountId: string, work: () => T | PromiseLike<T>): Promise<T> {
  if (!UUID.test(accountId)) return Promise.reject(new Error(`Not an account id: ${JSON.stringify(accountId)}`));
  return runIn({ kind: "tenant", accountId: accountId.toLowerCase() }, work);
}

/** Runs `work` across every tenant, under a named system context. */
export function runInSystemScope<T>(context: SystemContext, work: () => T | PromiseLike<T>): Promise<T> {
  if (!SYSTEM_CONTEXT.test(context)) return Promise.reject(new Error(`Not a system context: ${JSON.stringify(context)}`));
  return runIn({ kind: "system", context }, work);
}

/**
 * Puts the rest of this process under the test-harness system context, so a test's own setup
 * and assertions see every row. The test runner's setup file calls it; route handlers and
 * server actions under test still enter their own scope, and tests call them without this one.
 */
export function enterTestHarnessScope(): void {
  store.enterWith({ kind: "system", context: "test-harness" });
}

/** Runs `work` with no scope at all, as a request that never signed in: it sees no tenant rows. */
export function runWithoutScope<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return runIn(null, work);
}

/**
 * The page render's tenant. A server component can't wrap the components React renders after it,
 * so requireViewer records the viewer's account on the render itself (React's per-request cache);
 * every query of that render, in any component, then runs in it. Outside a render this is a
 * fresh, empty holder each call, so it grants nothing.
 */
const renderTenant: RenderTenant = cache(() => ({}));

/**
 * Only the server components' build of React keeps a cache per request; a copy of this module
 * loaded elsewhere (the dev server shares one database client across bundles) has React's
 * pass-through `cache`. So the first render to bind publishes its holder for every copy to read.
 */
const sharedRenderTenant = (): RenderTenant => globalForScope.flowpilotRenderTenant ?? renderTenant;

/** Binds the current page render to `accountId` (requireViewer calls it once it knows the viewer). */
export function bindRenderToTenant(accountId: string): void {
  if (!UUID.test(accountId)) throw new Error(`Not an account id: ${JSON.stringify(accountId)}`);
  globalForScope.flowpilotRenderTenant ??= renderTenant;
  sharedRenderTenant()().accountId = accountId.toLowerCase();
}

/** The scope queries run in now: the innermost explicit scope, else the page render's tenant. */
export function currentScope(): DataScope | null {
  const explicit = store.getStore();
  if (explicit !== undefined) return explicit;
  const accountId = sharedRenderTenant()().accountId;
  return accountId ? { kind: "tenant", accountId } : null;
}
