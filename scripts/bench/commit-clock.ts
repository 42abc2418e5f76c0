/**
 * When each realtime event's transaction committed, on the bench's own clock, with no change to
 * the app: a deferred constraint trigger on `realtime_events`, added to the bench database only,
 * runs at COMMIT (after the transaction's last statement, just before the commit record is
 * written) and keeps `clock_timestamp()` per event id. PostgreSQL runs on this machine, so its
 * clock and ours are one clock; `calibrate` measures the offset between `clock_timestamp()` and
 * `performance.timeOrigin + performance.now()` to well under a millisecond.
 */
import pg from "pg";

const INSTALL = `
CREATE TABLE IF NOT EXISTS bench_commit_times (event_id bigint PRIMARY KEY, committed_at timestamptz NOT NULL);
CREATE OR REPLACE FUNCTION bench_record_commit_time() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO bench_commit_times (event_id, committed_at) VALUES (NEW.id, clock_timestamp()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS bench_commit_time ON realtime_events;
CREATE CONSTRAINT TRIGGER bench_commit_time AFTER INSERT ON realtime_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bench_record_commit_time();
`;

/** Wall-clock milliseconds with sub-millisecond resolution, the scale every arrival is taken on. */
export const wallMs = (monotonic = performance.now()) => performance.timeOrigin + monotonic;

export type CommitClock = {
  /** Commit times (our clock, ms) of these event ids; an id without one is left out. */
  commitTimes: (eventIds: readonly string[]) => Promise<Map<string, number>>;
  /** PostgreSQL's clock minus ours, in ms, from the round trip with the least delay. */
  offsetMs: number;
  close: () => Promise<void>;
};

/** Installs the trigger (as the tables' owner, at `url`) and calibrates the clocks. */
export async function startCommitClock(url: string): Promise<CommitClock> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  await owner.query(INSTALL);
  let best = { rtt: Number.POSITIVE_INFINITY, offset: 0 };
  for (let i = 0; i < 50; i += 1) {
    const before = wallMs();
    const { rows } = await owner.query<{ ms: string }>("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::text AS ms");
    const after = wallMs();
    if (after - before < best.rtt) best = { rtt: after - before, offset: Number(rows[0]!.ms) - (before + after) / 2 };
  }
  const offsetMs = best.offset;
  return {
    offsetMs,
    commitTimes: async (eventIds) => {
      const { rows } = await owner.query<{ id: string; ms: string }>(
        "SELECT event_id::text AS id, (extract(epoch FROM committed_at) * 1000)::text AS ms FROM bench_commit_times WHERE event_id = ANY($1::bigint[])",
        [eventIds],
      );
      return new Map(rows.map((row) => [row.id, Number(row.ms) - offsetMs]));
    },
    close: () => owner.end(),
  };
}
