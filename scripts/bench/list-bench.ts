/**
 * The lists on the 10,000-session tenant, in-process (no HTTP): one page of My sessions (the
 * senior's quarter of the load), the viewer's Team sessions (the whole account), searches broad
 * and narrow, a deep page, and the escalation queue. Each call is one find plus one count.
 * Sequential calls after a warm-up; medians and p99 only, never pass/fail.
 */
import { demoAccount, demoUsers } from "../../prisma/seed-data";
import { percentile, type Row } from "./stats";

export const LIST_CALLS = 200;
const LIST_WARMUP = 20;

type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];
const viewerFor = (user: DemoUser) => ({ userId: user.id, accountId: demoAccount.id, role: user.role, email: user.email, name: user.name });

type ListCase = { name: string; run: () => Promise<{ total: number }> };

/** Times each list case; the row name carries how many sessions matched, so a reader sees the size of the work. */
export async function measureLists(): Promise<Row[]> {
  const { listSessions } = await import("@/lib/sessions/list-sessions");
  const { listEscalationQueue } = await import("@/lib/handoffs/queue");
  const { listSessionsInput } = await import("@/lib/sessions/schemas");
  const senior = viewerFor(demoUsers.senior);
  const viewer = viewerFor(demoUsers.viewer);
  const sessions = (who: typeof senior, query: Record<string, string>) => () => listSessions(who, listSessionsInput.parse(query));

  const cases: ListCase[] = [
    { name: "My sessions (senior), page 1", run: sessions(senior, {}) },
    { name: "My sessions (senior), q=northwind", run: sessions(senior, { q: "northwind" }) },
    { name: "My sessions (senior), q=#9877 (one match)", run: sessions(senior, { q: "#9877" }) },
    { name: "Team sessions (viewer), page 1", run: sessions(viewer, {}) },
    { name: "Team sessions (viewer), page 200", run: sessions(viewer, { page: "200" }) },
    { name: "Team sessions (viewer), q=northwind, sort=title", run: sessions(viewer, { q: "northwind", sort: "title" }) },
    { name: "Team sessions (viewer), status=parked", run: sessions(viewer, { status: "parked" }) },
    { name: "Escalation queue, page 1", run: () => listEscalationQueue(senior) },
    { name: "Escalation queue, q=vpn, waiting longest", run: () => listEscalationQueue(senior, { q: "vpn", sort: "waiting" }) },
  ];

  const rows: Row[] = [];
  for (const listCase of cases) {
    const { total } = await listCase.run();
    for (let i = 0; i < LIST_WARMUP; i += 1) await listCase.run();
    const samples: number[] = [];
    for (let i = 0; i < LIST_CALLS; i += 1) {
      const started = performance.now();
      await listCase.run();
      samples.push(performance.now() - started);
    }
    rows.push({ name: `${listCase.name} [${total.toLocaleString("en-US")} match]`, p50: percentile(samples, 50), p99: percentile(samples, 99) });
  }
  return rows;
}
