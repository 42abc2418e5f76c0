/** What every handler works on. `reset()` swaps `state` and `serialize`, so read them per request. */
import type { SimCredentials } from "./credentials";
import type { SimRequest, SimResponse } from "./http";
import type { Serializer } from "./serialize";
import type { SimState } from "./state";
import type { SimTraps } from "./traps";

export type SimContext = {
  state: SimState;
  traps: SimTraps;
  serialize: Serializer;
  credentials: SimCredentials;
  /** The API root, `http://127.0.0.1:PORT/v4_6_release/apis/3.0`. */
  api: string;
};

export type Handler = (request: SimRequest, params: string[], context: SimContext) => SimResponse | Promise<SimResponse>;
