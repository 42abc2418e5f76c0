import { describe, expect, it } from "vitest";
import { FrontendParser, isControlStatement } from "./statement-counter";

const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const untyped = (code: number, rest = Buffer.alloc(0)) => Buffer.concat([int32(8 + rest.length), int32(code), rest]);
const typed = (type: string, ...parts: (string | Buffer)[]) => {
  const body = Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(`${part}\0`) : part)));
  return Buffer.concat([Buffer.from(type), int32(4 + body.length), body]);
};

describe("FrontendParser", () => {
  it("counts each simple query and each execute, after the startup packets, however the bytes arrive", () => {
    const seen: string[] = [];
    const parser = new FrontendParser((sql) => seen.push(sql));
    const stream = Buffer.concat([
      untyped(80877103),
      untyped(196608, Buffer.from("user\0postgres\0\0")),
      typed("Q", "SELECT 1"),
      typed("P", "", "SELECT * FROM users WHERE id = $1", Buffer.from([0, 0])),
      typed("B", "", "", Buffer.from([0, 0, 0, 0, 0, 0])),
      typed("D", Buffer.from("P\0")),
      typed("E", "", int32(0)),
      typed("S"),
      typed("B", "", "", Buffer.from([0, 0, 0, 0, 0, 0])),
      typed("E", "", int32(0)),
    ]);
    // One byte at a time: messages split across chunks must still be read whole.
    for (let i = 0; i < stream.length; i += 1) parser.feed(stream.subarray(i, i + 1));
    expect(seen).toEqual(["SELECT 1", "SELECT * FROM users WHERE id = $1", "SELECT * FROM users WHERE id = $1"]);
  });
});

describe("isControlStatement", () => {
  it("tells transaction control and the data scope from reads and writes", () => {
    expect(isControlStatement("BEGIN; SELECT set_config('app.account_id', 'x', true)")).toBe(true);
    expect(isControlStatement("SELECT set_config('app.account_id', '', false), set_config('app.system', '', false)")).toBe(true);
    expect(isControlStatement("COMMIT")).toBe(true);
    expect(isControlStatement('SELECT "public"."users"."id" FROM "public"."users"')).toBe(false);
    expect(isControlStatement("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")).toBe(false);
  });
});
