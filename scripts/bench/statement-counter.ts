/**
 * Counts the statements an app process sends PostgreSQL, on the wire: a loopback proxy between
 * the app and the database reads the frontend protocol (simple Query, and Parse/Bind/Execute of
 * the extended protocol) without changing a byte. It sees every statement, whichever layer sent
 * it (Prisma's model queries and $queryRaw, queryRows, the pool's scope statements), which
 * Prisma's query event can't: queryRows and the scope's set_config bypass it.
 */
import net from "node:net";

export type StatementTally = { data: number; control: number; texts: string[] };

/** Transaction control and the pool's data-scope statements: round trips, but no reads or writes of rows. */
export function isControlStatement(sql: string): boolean {
  const text = sql.trim();
  return /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET TRANSACTION|START TRANSACTION|DEALLOCATE)\b/i.test(text) || /^SELECT set_config\('app\./i.test(text);
}

/**
 * A parser of one client connection's stream: the untyped startup messages first (an SSL or GSS
 * request may precede the startup packet), then typed messages. Each simple Query and each
 * Execute counts once, classified by its SQL text.
 */
export class FrontendParser {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private readonly statements = new Map<string, string>();
  private readonly portals = new Map<string, string>();

  constructor(private readonly onStatement: (sql: string) => void) {}

  feed(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        // 80877103 SSLRequest, 80877104 GSSENCRequest: another untyped packet follows.
        if (code !== 80877103 && code !== 80877104) this.started = true;
        this.buffer = this.buffer.subarray(length);
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      this.message(String.fromCharCode(this.buffer[0]!), this.buffer.subarray(5, 1 + length));
      this.buffer = this.buffer.subarray(1 + length);
    }
  }

  private message(type: string, body: Buffer) {
    if (type === "Q") {
      this.onStatement(cString(body, 0).value);
    } else if (type === "P") {
      const name = cString(body, 0);
      this.statements.set(name.value, cString(body, name.next).value);
    } else if (type === "B") {
      const portal = cString(body, 0);
      const statement = cString(body, portal.next);
      this.portals.set(portal.value, this.statements.get(statement.value) ?? "(unknown statement)");
    } else if (type === "E") {
      this.onStatement(this.portals.get(cString(body, 0).value) ?? "(unknown portal)");
    }
  }
}

function cString(body: Buffer, start: number): { value: string; next: number } {
  const end = body.indexOf(0, start);
  return { value: body.toString("utf8", start, end), next: end + 1 };
}

export type StatementCounter = {
  /** The port the app should connect to instead of the database's. */
  port: number;
  /** Everything counted since the last take(), and a fresh start. */
  take: () => StatementTally;
  close: () => Promise<void>;
};

/** A counting proxy on 127.0.0.1 in front of the database at `target`. */
export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let tally: StatementTally = { data: 0, control: 0, texts: [] };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    sockets.add(client).add(upstream);
    const parser = new FrontendParser((sql) => {
      if (isControlStatement(sql)) tally.control += 1;
      else {
        tally.data += 1;
        tally.texts.push(sql);
      }
    });
    client.on("data", (chunk: Buffer) => {
      parser.feed(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    take: () => {
      const taken = tally;
      tally = { data: 0, control: 0, texts: [] };
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
