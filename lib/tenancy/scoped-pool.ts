import pg from "pg";
import { currentScope, type DataScope } from "@/lib/tenancy/scope";

/** The role the app's connections act as: it owns no table, so row-level security applies to it. */
export const APP_DATABASE_ROLE = "flowpilot_app";

type QueryConfig = pg.QueryConfig & { rowMode?: string };
type ClientState = { sessionScope: string | undefined };
type Callback = (error: Error | undefined, client: pg.PoolClient | undefined, release: (error?: Error) => void) => void;

const EMPTY_RESULT = { command: "", rowCount: 0, rows: [], fields: [], oid: 0 } as unknown as pg.QueryResult;

/** The SQL that puts `scope` on a connection: for its session, or (`local`) its transaction. */
export function scopeStatement(scope: DataScope | null, local: boolean): string {
  // Both values were validated when the scope was entered (lib/tenancy/scope.ts): uuid, or a-z and dashes.
  const accountId = scope?.kind === "tenant" ? scope.accountId : "";
  const system = scope?.kind === "system" ? scope.context : "";
  return `SELECT set_config('app.account_id', '${accountId}', ${local}), set_config('app.system', '${system}', ${local})`;
}

const scopeKey = (scope: DataScope | null) =>
  scope === null ? "none" : scope.kind === "tenant" ? `tenant:${scope.accountId}` : `system:${scope.context}`;

const textOf = (config: string | QueryConfig) => (typeof config === "string" ? config : config.text);

/**
 * A pg pool whose every query runs in the caller's data scope (lib/tenancy/scope.ts).
 *
 * - A query outside a transaction: the scope is kept at session level on each pooled connection,
 *   and set again only when a connection is next used by another scope, so a steady stream of
 *   one tenant's queries pays nothing extra.
 * - A transaction: its scope is fixed when it begins. `BEGIN` is held back and sent together with
 *   a transaction-local `set_config` (and a `SET TRANSACTION`, when one follows), in one round trip.
 */
export class ScopedPool extends pg.Pool {
  private readonly states = new WeakMap<pg.PoolClient, ClientState>();

  constructor(config: pg.PoolConfig) {
    super({ ...config, options: [config.options, `-c role=${APP_DATABASE_ROLE}`].filter(Boolean).join(" ") });
  }

  // The adapter only calls query(config); pg's other overloads (callbacks, values) go unused.
  override async query(config: string | QueryConfig): Promise<pg.QueryResult> {
    const scope = currentScope();
    const client = await super.connect();
    try {
      const state = this.stateOf(client);
      const key = scopeKey(scope);
      if (state.sessionScope !== key) {
        state.sessionScope = undefined;
        await client.query(scopeStatement(scope, false));
        state.sessionScope = key;
      }
      const result = await client.query(config);
      client.release();
      return result;
    } catch (error) {
      // As pg's own pool.query does: a connection that failed a query is not reused.
      client.release(error as Error);
      throw error;
    }
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Callback): void;
  override connect(callback?: Callback): Promise<pg.PoolClient> | void {
    if (callback) throw new Error("ScopedPool.connect takes no callback: use the promise");
    return this.connectForTransaction(currentScope());
  }

  private async connectForTransaction(scope: DataScope | null): Promise<pg.PoolClient> {
    const client = await super.connect();
    let beginPending = false;
    const query = async (config: string | QueryConfig) => {
      const text = textOf(config).trim();
      if (/^BEGIN$/i.test(text)) {
        beginPending = true;
        return EMPTY_RESULT;
      }
      if (beginPending) {
        beginPending = false;
        if (/^SET TRANSACTION\b/i.test(text)) {
          await client.query(`BEGIN; ${text}; ${scopeStatement(scope, true)}`);
          return EMPTY_RESULT;
        }
        await client.query(`BEGIN; ${scopeStatement(scope, true)}`);
      }
      return client.query(config as QueryConfig);
    };
    return new Proxy(client, {
      get(target, property) {
        if (property === "query") return query;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  private stateOf(client: pg.PoolClient): ClientState {
    let state = this.states.get(client);
    if (!state) {
      state = { sessionScope: undefined };
      this.states.set(client, state);
    }
    return state;
  }
}
