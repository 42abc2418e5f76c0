/**
 * The authorization matrix: one row per exported method of every route handler under `app/`
 * (tests/authz/route-discovery.ts; Auth.js's own endpoints are named there instead).
 * `matrix-coverage.int.test.ts` fails when a route has no row here, or a row has no route;
 * `authorization-matrix.int.test.ts` calls every row as every persona.
 *
 * Adding a row
 * ------------
 * Rows live in `tests/authz/rows/<area>.ts`, each exporting `rows: Record<string, MatrixRow>`;
 * `matrix.ts` merges every file there (a key in two files is an error).
 *
 * Key: `"<METHOD> <url path>"`, the path as the folder spells it (`[id]` stays, route groups
 * like `(x)` are dropped), e.g. `"GET /api/v1/ai-sessions/[id]"`.
 *
 * Value: a case `{ request, expect }`, or an array of cases with a `label` each when one route
 * needs several (an active vs an escalated session, say).
 * - `request(f)` returns `{ params, query, body }` for the call, built from the fixture `f`
 *   (tenant A with one session per status, all started by A's engineer; tenant B; each tenant
 *   connected to its own ConnectWise simulator, `f.psa.a` / `f.psa.b`). Use a valid,
 *   harmless body: a 2xx must mean "allowed", not "the write happened to be a no-op".
 *   It is called once per call (every persona × header variant) and may be async, so a row can
 *   create the object each call consumes (a fact to delete, a fix to dismiss) right before it.
 * - `expect` gives the HTTP status for every persona:
 *     signedOut    no cookie
 *     viewer | engineer | admin | owner   users of tenant A
 *     otherTenant  the owner of tenant B, addressing tenant A's objects (A2: expect 404, never 403)
 *     removed      a soft-deleted user of tenant A whose cookie is still valid (expect 401)
 *   `signedInOnly(200)` and the other helpers below spell the common shapes.
 *
 * Each persona call is made three times: plain, and with `x-middleware-subrequest` set to the
 * Next.js bypass values, which must open nothing.
 */
import { requirePsaProvider } from "@/lib/psa/account-provider";
import type { ConnectWiseSimulator } from "@/tests/fakes/connectwise/simulator";
import { connectAccountToSimulator } from "@/tests/helpers/psa";
import { createSessionFor, createTenant, type TestTenant, type TestUser } from "@/tests/helpers/tenant";

export const personas = ["signedOut", "viewer", "engineer", "admin", "owner", "otherTenant", "removed"] as const;
export type Persona = (typeof personas)[number];
export type Expectations = Record<Persona, number>;

export type SessionStatus = "active" | "parked" | "escalated" | "requesting_escalation" | "resolved";

export type MatrixFixture = {
  a: TestTenant;
  b: TestTenant;
  /** Tenant A's sessions, one per status, each started by A's engineer. */
  sessions: Record<SessionStatus, string>;
  /** A session of tenant B, started by B's engineer. */
  otherSession: string;
  /**
   * Each tenant's PSA: A is connected to one ConnectWise simulator, B to a second instance, so a
   * request answered with the wrong tenant's credentials can't succeed by accident and each
   * simulator's request log shows whose keys reached it. Both are seeded alike (ticket 48233 exists
   * in each, as two different tickets). The matrix test starts them; rows must leave traps at
   * their defaults.
   */
  psa: PsaFixture;
};

export type PsaSide = {
  sim: ConnectWiseSimulator;
  /** A seeded ticket of this tenant's PSA ("Outlook prompts for a password…"), safe to read. */
  ticketId: string;
};

export type PsaFixture = {
  a: PsaSide & {
    /**
     * A ticket the fixture created in A's PSA only; B's PSA has no ticket with this id (checked
     * when the fixture is built), so B addressing it reads a 404 from its own PSA.
     */
    onlyInA: string;
  };
  b: PsaSide;
};

/** The simulators the fixture connects tenants A and B to. */
export type MatrixSimulators = { a: ConnectWiseSimulator; b: ConnectWiseSimulator };

export type MatrixRequest = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
};

export type MatrixCase = {
  /** Names the case in failure output; needed when a row has several cases. */
  label?: string;
  request?: (fixture: MatrixFixture) => MatrixRequest | Promise<MatrixRequest>;
  expect: Expectations;
};

export type MatrixRow = MatrixCase | MatrixCase[];

/** Every signed-in, active user gets `status`; signed-out and removed users get 401. */
export function signedInOnly(status: number): Expectations {
  return { signedOut: 401, viewer: status, engineer: status, admin: status, owner: status, otherTenant: status, removed: 401 };
}

/** Owner and admin (and B's owner, in their own account) get `status`; viewer and engineer 403. */
export function ownerOrAdminOnly(status: number): Expectations {
  return { signedOut: 401, viewer: 403, engineer: 403, admin: status, owner: status, otherTenant: status, removed: 401 };
}

/** Only the creator (A's engineer) reads it; teammates and tenant B see nothing there (404). */
export function creatorOnly(status: number): Expectations {
  return { signedOut: 401, viewer: 404, engineer: status, admin: 404, owner: 404, otherTenant: 404, removed: 401 };
}

/**
 * A read of a session that is not in transit: its creator and A's viewers (A3: a viewer reads
 * every session of the account) get `status`; other teammates and tenant B see nothing (404).
 */
export function creatorAndViewers(status: number): Expectations {
  return { ...creatorOnly(status), viewer: status };
}

/** Every member of tenant A reads it; tenant B sees nothing there (404). */
export function anyMemberOfA(status: number): Expectations {
  return { signedOut: 401, viewer: status, engineer: status, admin: status, owner: status, otherTenant: 404, removed: 401 };
}

/**
 * Writes on a session: only the engineer working it gets `status`; a teammate can't see an active
 * session (404) and can see but not change an escalated one (403); viewers fail the
 * engineer-or-admin guard.
 */
export function workerOnly(status: number, teammate: 403 | 404): Expectations {
  return { signedOut: 401, viewer: 403, engineer: status, admin: teammate, owner: teammate, otherTenant: 404, removed: 401 };
}

/** The two session states write rows are checked in, and what a teammate gets in each. */
export type Lane = "active" | "escalated";
export const teammateSees: Record<Lane, 403 | 404> = { active: 404, escalated: 403 };

/** One case per session state: A's active session and its escalated one. */
export function perSession(build: (lane: Lane) => Omit<MatrixCase, "label">): MatrixCase[] {
  return (["active", "escalated"] as const).map((lane) => ({ label: lane, ...build(lane) }));
}

/**
 * Two tenants; tenant A has one session per status, started by its engineer. Each tenant gets a
 * PSA connection to its own simulator (`simulators.a` for A, `simulators.b` for B).
 */
export async function createMatrixFixture(simulators: MatrixSimulators): Promise<MatrixFixture> {
  const a = await createTenant("Matrix A");
  const b = await createTenant("Matrix B");
  const statuses: SessionStatus[] = ["active", "parked", "escalated", "requesting_escalation", "resolved"];
  const sessions = {} as Record<SessionStatus, string>;
  for (const status of statuses) {
    sessions[status] = (await createSessionFor(a.engineer, { title: `A ${status}`, status })).id;
  }
  const otherSession = (await createSessionFor(b.engineer, { title: "B active" })).id;
  await connectAccountToSimulator(a.accountId, simulators.a);
  await connectAccountToSimulator(b.accountId, simulators.b);
  const psa = {
    a: { sim: simulators.a, ticketId: "48233", onlyInA: await createTicketOnlyInA(a.accountId, simulators.b) },
    b: { sim: simulators.b, ticketId: "48233" },
  };
  return { a, b, sessions, otherSession, psa };
}

/**
 * Creates a ticket in A's PSA whose id B's PSA doesn't have. Both simulators number new tickets
 * alike, so A's is made a few tickets ahead: B's PSA only gets the few tickets B's owner creates
 * in the matrix run, far fewer than the lead.
 */
async function createTicketOnlyInA(accountId: string, simulatorB: ConnectWiseSimulator): Promise<string> {
  const provider = await requirePsaProvider(accountId);
  let id = "";
  for (let lead = 0; lead < 25; lead += 1) {
    id = (await provider.createTicket({ summary: `Only in tenant A's PSA (${lead + 1})`, board_id: "1", company_id: "250" })).id;
  }
  if (simulatorB.ticket(Number(id))) throw new Error(`B's PSA already has ticket ${id}; the A-only ticket must be an id B's PSA lacks.`);
  return id;
}

/** The user id a persona signs in as, or undefined when signed out. */
export function personaUser(fixture: MatrixFixture, persona: Persona): string | undefined {
  const users: Record<Exclude<Persona, "signedOut">, TestUser> = {
    viewer: fixture.a.viewer,
    engineer: fixture.a.engineer,
    admin: fixture.a.admin,
    owner: fixture.a.owner,
    otherTenant: fixture.b.owner,
    removed: fixture.a.removed,
  };
  return persona === "signedOut" ? undefined : users[persona].id;
}
