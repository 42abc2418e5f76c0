/**
 * Input that can't 500: every route of the authorization matrix, called as a persona the matrix
 * expects to succeed, with each string field (and each key) of its body or query replaced in turn
 * by text PostgreSQL can't store or that isn't Unicode: a NUL must be a 422 naming the field, a
 * lone surrogate a 4xx, and a body of invalid UTF-8 a 422. Never a 5xx.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { MatrixCase, MatrixFixture, MatrixRequest, Persona } from "@/tests/authz/matrix";
import type { DiscoveredRoute as Route } from "@/tests/authz/route-discovery";

// The matrix fixture connects its tenants to ConnectWise simulators on loopback (see the matrix test).
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { callRoute, sessionCookieFor } = await import("@/tests/helpers/call-route");
const { createMatrixFixture, matrix, personas, personaUser } = await import("@/tests/authz/matrix");
const { installConnectWiseSimulator } = await import("@/tests/helpers/psa");
const { formatFieldPath } = await import("@/lib/http/unsafe-text");
const { runWithoutScope } = await import("@/lib/tenancy/scope");
const { discoverRoutes } = await import("@/tests/authz/route-discovery");

type Segment = string | number;
/** One hostile request: what it changes (for failure output) and what it must get back. */
type Variant = { label: string; request: MatrixRequest; check: (status: number, error: ErrorBody["error"] | undefined) => string | undefined };
type ErrorBody = { error?: { code?: string; message?: string; issues?: { path: string; message: string }[] } };

const NUL = "a\u0000b";
const LONE_SURROGATE = "\ud800";
// {"t":"<0xFF>"}: a JSON object whose one string is not UTF-8.
const INVALID_UTF8 = new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]);

const routes = (await discoverRoutes()).filter((route) => route.key in matrix);
const casesOf = (key: string): MatrixCase[] => {
  const row = matrix[key]!;
  return Array.isArray(row) ? row : [row];
};
/** The first persona this case expects a 2xx for: hostile text must fail where the clean call succeeds. */
const succeedingPersona = (entry: MatrixCase): Persona | undefined => personas.find((persona) => entry.expect[persona] < 300);

/** Paths of every string leaf (`strings`) and every object key (`keys`, the key's own path) in `value`. */
function locate(value: unknown, at: Segment[] = [], found = { strings: [] as Segment[][], keys: [] as Segment[][] }) {
  if (typeof value === "string") found.strings.push(at);
  else if (Array.isArray(value)) value.forEach((item, index) => locate(item, [...at, index], found));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      found.keys.push([...at, key]);
      locate(item, [...at, key], found);
    }
  }
  return found;
}

/** A copy of `value` with the thing at `at` changed by `change` (given the parent and the last segment). */
function edited<T>(value: T, at: Segment[], change: (parent: Record<Segment, unknown>, last: Segment) => void): T {
  const copy = structuredClone(value);
  let parent = copy as Record<Segment, unknown>;
  for (const segment of at.slice(0, -1)) parent = parent[segment] as Record<Segment, unknown>;
  change(parent, at[at.length - 1]!);
  return copy;
}

const withValue = <T,>(value: T, at: Segment[], replacement: string) => edited(value, at, (parent, last) => (parent[last] = replacement));
/** Renames the key at `at` to `replacement`, keeping its value and its place among the keys. */
const withKey = <T,>(value: T, at: Segment[], replacement: string) =>
  edited(value, at, (parent, last) => {
    const entries = Object.entries(parent).map(([key, item]) => [key === last ? replacement : key, item] as const);
    for (const key of Object.keys(parent)) delete parent[key];
    Object.assign(parent, Object.fromEntries(entries));
  });

/** A 422 whose issues include one at `issuePath` (zod's dotted form) with a message naming `named`. */
function refusedNaming(issuePath: Segment[], named: string) {
  return (status: number, error: ErrorBody["error"]) => {
    if (status !== 422) return `expected 422, got ${status} ${error?.code ?? ""} ${error?.message ?? ""}`.trim();
    const dotted = issuePath.join(".");
    const issue = error?.issues?.find((candidate) => candidate.path === dotted);
    if (!issue || !issue.message.includes(named)) return `422 but no issue at "${dotted}" naming ${named}: ${JSON.stringify(error)}`;
    return undefined;
  };
}

const clientError = (status: number, error: ErrorBody["error"]) => (status >= 400 && status < 500 ? undefined : `expected a 4xx, got ${status} ${error?.message ?? ""}`);
const notServerError = (status: number, error: ErrorBody["error"]) => (status < 500 ? undefined : `got ${status} ${error?.message ?? ""}`);

/** The hostile variants of one clean request: each string, then each key, of its body and query. */
function variantsOf(clean: MatrixRequest, seen: Set<string>): Variant[] {
  const variants: Variant[] = [];
  for (const where of ["body", "query"] as const) {
    const source = clean[where];
    if (source === undefined || source === null || typeof source !== "object") continue;
    const { strings, keys } = locate(source);
    for (const at of strings) {
      const field = formatFieldPath(at);
      if (seen.has(`${where} ${field}`)) continue;
      seen.add(`${where} ${field}`);
      variants.push({ label: `${where} ${field} = "a\\u0000b"`, request: { ...clean, [where]: withValue(source, at, NUL) }, check: refusedNaming(at, field) });
      // A query string can't carry a lone surrogate: the URL encodes it as U+FFFD, which is valid text.
      variants.push({ label: `${where} ${field} = "\\ud800"`, request: { ...clean, [where]: withValue(source, at, LONE_SURROGATE) }, check: where === "body" ? clientError : notServerError });
    }
    for (const at of keys) {
      const holder = at.slice(0, -1);
      const label = `${where} key ${formatFieldPath(at)} renamed "a\\u0000b"`;
      if (seen.has(label)) continue;
      seen.add(label);
      variants.push({ label, request: { ...clean, [where]: withKey(source, at, NUL) }, check: refusedNaming(holder, holder.length ? `A field name in ${formatFieldPath(holder)}` : "A field name") });
    }
  }
  return variants;
}

/** Sends `bytes` as a JSON body, signed in by `cookie`, with no data scope of the test's own. */
function sendRawBody(route: Route, bytes: Uint8Array<ArrayBuffer>, cookie: string | undefined, params: Record<string, string> = {}): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json", ...(cookie ? { cookie } : {}) });
  const request = new Request("http://localhost:3000/api/test", { method: route.method, headers, body: bytes });
  return runWithoutScope(() => route.handler(request, { params: Promise.resolve(params) }));
}

async function errorOf(response: Response): Promise<ErrorBody["error"] | undefined> {
  // A 2xx body is not read; cancelling it ends streams that never finish on their own (SSE).
  if (response.status < 400) {
    await response.body?.cancel();
    return undefined;
  }
  return ((await response.json()) as ErrorBody).error;
}

const simulatorA = installConnectWiseSimulator();
const simulatorB = installConnectWiseSimulator();

let fixture: MatrixFixture;
const cookies = new Map<Persona, string | undefined>();
/** One session cookie per persona for the whole file. */
async function cookieOf(persona: Persona): Promise<string | undefined> {
  if (!cookies.has(persona)) {
    const user = personaUser(fixture, persona);
    cookies.set(persona, user ? await sessionCookieFor(user) : undefined);
  }
  return cookies.get(persona);
}

beforeAll(async () => {
  fixture = await createMatrixFixture({ a: simulatorA(), b: simulatorB() });
});

describe("hostile text in any route's input is refused, never a 500", () => {
  it("finds routes with bodies and queries to try", () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it.each(routes.map((route) => [route.key, route] as const))("%s", async (key, route) => {
    const failures: string[] = [];
    const seen = new Set<string>();
    let rawBodyTried = false;
    for (const entry of casesOf(key)) {
      const persona = succeedingPersona(entry);
      if (!persona) continue;
      // Built once per case: every variant is refused before the handler runs, so none consumes it.
      const clean = (await entry.request?.(fixture)) ?? {};
      const cookie = await cookieOf(persona);
      const where = `${key} [${entry.label ?? "-"}] as ${persona}`;
      for (const variant of variantsOf(clean, seen)) {
        const response = await callRoute(route.handler, route.method, { ...variant.request, headers: cookie ? { cookie } : {} });
        const problem = variant.check(response.status, await errorOf(response));
        if (problem) failures.push(`${where}: ${variant.label}: ${problem}`);
      }
      if (route.method !== "GET" && !rawBodyTried) {
        rawBodyTried = true;
        const response = await sendRawBody(route, INVALID_UTF8, cookie, clean.params);
        const error = await errorOf(response);
        if (response.status !== 422 || error?.message !== "The request body is not valid UTF-8.") {
          failures.push(`${where}: body of invalid UTF-8: expected 422 "The request body is not valid UTF-8.", got ${response.status} ${error?.message ?? ""}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
