import { describe, expect, it } from "vitest";
import { compileConditions, likePattern } from "./conditions-eval";
import { tokenize } from "./conditions-lexer";
import { parseConditions } from "./conditions-parser";
import { TICKET_SPEC } from "./field-specs";
import { CwHttpError } from "./http";

const rows = [
  { id: 1, summary: "VPN down for Sales", closedFlag: false, board: { id: 1, name: "Help Desk" }, status: { id: 102, name: "In Progress" }, owner: { id: 176, identifier: "jjunior", name: "Jamie Junior" }, resources: "jjunior, tlee", _info: { dateEntered: "2026-11-02T08:00:00Z", lastUpdated: "2026-11-05T10:00:00Z" } },
  { id: 2, summary: "Printer 100% broken", closedFlag: true, board: { id: 2, name: "Escalations" }, status: { id: 203, name: "Resolved" }, owner: null, resources: "", _info: { dateEntered: "2026-11-03T08:00:00Z", lastUpdated: "2026-11-03T09:00:00Z" } },
  { id: 3, summary: 'The "big" one', closedFlag: false, board: { id: 1, name: "Help Desk" }, status: { id: 101, name: "New" }, owner: { id: 177, identifier: "ssenior", name: "Sam Senior" }, resources: "ssenior", _info: { dateEntered: "2026-11-04T08:00:00Z", lastUpdated: "2026-11-04T08:30:00Z" } },
  { id: 4, summary: "O'Brien scanner [urgent]", closedFlag: false, board: { id: 1, name: "Help Desk" }, status: { id: 101, name: "New" }, owner: null, resources: "", _info: { dateEntered: "2026-11-06T08:00:00Z", lastUpdated: "2026-11-06T08:00:00Z" } },
];

const ids = (conditions: string) => rows.filter(compileConditions(conditions, TICKET_SPEC)).map((row) => row.id);

function errorOf(conditions: string): CwHttpError {
  try {
    ids(conditions);
  } catch (error) {
    if (error instanceof CwHttpError) return error;
    throw error;
  }
  throw new Error(`expected ${conditions} to be refused`);
}

describe("conditions tokenizer", () => {
  it("reads paths, operators, both quote styles, numbers, dates and keywords in any case", () => {
    const tokens = tokenize(`Board/Id >= -1.5 AND summary NOT LIKE 'x"y' Or owner/id = NULL and d < [2026-01-01T00:00:00Z]`);
    expect(tokens.map((token) => `${token.kind}:${token.text}`)).toEqual([
      "path:Board/Id", "op:>=", "number:-1.5", "keyword:and", "path:summary", "keyword:not", "keyword:like", 'string:x"y', "keyword:or",
      "path:owner/id", "op:=", "keyword:null", "keyword:and", "path:d", "op:<", "datetime:2026-01-01T00:00:00Z", "end:",
    ]);
  });

  it("keeps backslash-escaped quotes inside a string and other backslashes literal", () => {
    expect(tokenize(String.raw`summary = "a\"b" and x = 'C:\temp\\'`).filter((token) => token.kind === "string").map((token) => token.text)).toEqual(['a"b', "C:\\temp\\"]);
  });

  it("refuses an unterminated string or date, and stray characters", () => {
    expect(() => tokenize('summary = "open')).toThrow(/Unterminated string/);
    expect(() => tokenize("lastUpdated > [2026-01-01")).toThrow(/Unterminated DateTime/);
    expect(() => tokenize("summary = #1")).toThrow(/Unexpected character '#'/);
  });
});

describe("conditions parser and evaluation", () => {
  it("gives and precedence over or, and parentheses override it", () => {
    expect(ids("id = 2 or id = 3 and closedFlag = true")).toEqual([2]);
    expect(ids("(id = 2 or id = 3) and closedFlag = false")).toEqual([3]);
    expect(parseConditions("a = 1 or b = 2 and c = 3")).toMatchObject({ type: "or", right: { type: "and" } });
  });

  it("compares strings case-insensitively in either quote style", () => {
    expect(ids('status/name = "in progress"')).toEqual([1]);
    expect(ids("status/NAME = 'NEW'")).toEqual([3, 4]);
    expect(ids(`summary = 'The "big" one'`)).toEqual([3]);
    expect(ids(`summary != "vpn down for sales" and closedFlag = False`)).toEqual([3, 4]);
  });

  it("treats quoted injection attempts as literal text", () => {
    expect(ids(`summary = '" or 1=1'`)).toEqual([]);
    expect(ids(`summary = "') or ('1'='1"`)).toEqual([]);
    expect(ids(`board/id = 1 and summary = "' or id > 0 or summary = '"`)).toEqual([]);
    // Unquoted, the same text is not a condition at all.
    expect(errorOf(`summary = "" or 1=1`).message).toMatch(/Expected a field name but found '1'/);
  });

  it("supports in, not in, contains, not contains", () => {
    expect(ids("id in (1, 3, 99)")).toEqual([1, 3]);
    expect(ids("id not in (1, 3)")).toEqual([2, 4]);
    expect(ids('status/name in ("new", "Resolved")')).toEqual([2, 3, 4]);
    expect(ids('summary contains "PRINTER"')).toEqual([2]);
    expect(ids('summary not contains "printer"')).toEqual([1, 3, 4]);
    expect(ids('resources contains "tlee"')).toEqual([1]);
  });

  it("matches like with %, * and _ wildcards, [..] sets and not like", () => {
    expect(ids('summary like "vpn%"')).toEqual([1]);
    expect(ids('summary like "*down*"')).toEqual([1]);
    expect(ids('summary like "%100[%]%"')).toEqual([2]);
    expect(ids('summary like "%[[]urgent]"')).toEqual([4]);
    expect(ids('summary like "_he %"')).toEqual([3]);
    expect(ids('summary not like "%o%"')).toEqual([]);
    expect(likePattern("a.b").test("axb")).toBe(false);
  });

  it("handles null with three-valued logic", () => {
    expect(ids("owner/id = null")).toEqual([2, 4]);
    expect(ids("owner/id != null")).toEqual([1, 3]);
    // A comparison with a null field is unknown: neither it nor its negation matches.
    expect(ids('owner/identifier != "jjunior"')).toEqual([3]);
    expect(ids('not (owner/identifier = "jjunior")')).toEqual([3]);
    expect(ids('owner/identifier = "jjunior" or owner/id = null')).toEqual([1, 2, 4]);
  });

  it("compares datetimes, with _info fields usable at the top level", () => {
    expect(ids("lastUpdated > [2026-11-04T08:00:00Z]")).toEqual([1, 3, 4]);
    expect(ids("dateEntered >= [2026-11-04] and dateEntered < [2026-11-06]")).toEqual([3]);
    expect(ids("_info/lastUpdated <= [2026-11-03T09:00:00Z]")).toEqual([2]);
    expect(errorOf("lastUpdated > [yesterday]").message).toMatch(/not a valid DateTime/);
  });

  it("answers 400 ApiFindCondition for an unknown field, even with no rows", () => {
    const error = errorOf("summmary = 'x'");
    expect(error.status).toBe(400);
    expect(error.code).toBe("ApiFindCondition");
    expect(error.message).toMatch(/Cannot find the field 'summmary' on Ticket/);
    expect(() => compileConditions("configurations/id = 1", TICKET_SPEC)).toThrow(CwHttpError);
    expect(() => compileConditions("board = 1", TICKET_SPEC)).toThrow(/Cannot find the field 'board'/);
  });

  it("answers 400 for type mismatches and malformed conditions, in CW's words", () => {
    expect(errorOf("closedFlag = 1").message).toMatch(/^Expected a boolean value, not a numeric.*String values should be enclosed with double or single quotes/);
    expect(errorOf('board/id = "1"').message).toMatch(/Expected a numeric value, not a string/);
    expect(errorOf("closedFlag > true").message).toMatch(/only be compared with = or !=/);
    expect(errorOf("id like 1").message).toMatch(/Expected a string value|needs a string field/);
    expect(errorOf("id = ").message).toMatch(/Expected a value but found the end/);
    expect(errorOf("(id = 1").message).toMatch(/Expected '\)'/);
    expect(errorOf("id = 1 id = 2").message).toMatch(/Unexpected 'id'/);
    expect(errorOf("id in 1, 2").message).toMatch(/Expected '\(' after 'in'/);
    expect(errorOf("id == 1").message).toMatch(/Expected a value/);
    expect(errorOf("summary > null").message).toMatch(/null value can only be compared/);
  });
});
