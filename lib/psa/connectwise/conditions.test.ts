import { describe, expect, it } from "vitest";
import { cond, Condition, ConditionValueError, literal } from "@/lib/psa/connectwise/conditions";
import { tokenize } from "@/tests/fakes/connectwise/conditions-lexer";

/** The string literals a ConnectWise-grammar lexer reads from `conditions`: user input must stay exactly one. */
const strings = (conditions: Condition) => tokenize(conditions.text).filter((token) => token.kind === "string").map((token) => token.text);
const kinds = (conditions: Condition) => tokenize(conditions.text).map((token) => token.kind);

describe("conditions builder: typed literals", () => {
  it("writes numbers bare, booleans as true/false, null as null and dates in brackets", () => {
    expect(cond.eq("board/id", 12).text).toBe("board/id = 12");
    expect(cond.eq("price", -1.5).text).toBe("price = -1.5");
    expect(cond.eq("closedFlag", false).text).toBe("closedFlag = false");
    expect(cond.eq("closedFlag", true).text).toBe("closedFlag = true");
    expect(cond.eq("owner/id", null).text).toBe("owner/id = null");
    expect(cond.ne("owner/id", null).text).toBe("owner/id != null");
    expect(cond.gt("lastUpdated", new Date("2024-05-01T00:00:00.000Z")).text).toBe("lastUpdated > [2024-05-01T00:00:00Z]");
    expect(cond.in("board/id", [3, 2, 4]).text).toBe("board/id in (3, 2, 4)");
  });

  it("refuses numbers and dates ConnectWise can't read", () => {
    expect(() => literal(Number.NaN)).toThrow(ConditionValueError);
    expect(() => literal(Infinity)).toThrow(ConditionValueError);
    expect(() => literal(1e21)).toThrow(ConditionValueError);
    expect(() => literal(new Date("nonsense"))).toThrow(ConditionValueError);
    expect(() => cond.in("board/id", [])).toThrow(ConditionValueError);
  });

  it("validates field paths: letters, digits, _ and /, never user input", () => {
    expect(cond.eq("type/identifier", "S").text).toBe('type/identifier = "S"');
    for (const bad of ["", "summary = 1 or id", "board/", "/id", "a b", 'summary"', "id;drop", "1abc", "owner//id"]) {
      expect(() => cond.eq(bad, 1), bad).toThrow(ConditionValueError);
    }
  });

  it("does not let anyone else construct a Condition", () => {
    expect(() => new Condition(Symbol("forged") as never, "1 = 1", false)).toThrow(ConditionValueError);
  });
});

describe("conditions builder: strings can't leave their literal", () => {
  it('quotes with "…" by default and with \'…\' when the value has a double quote', () => {
    expect(cond.eq("summary", "Printer down").text).toBe('summary = "Printer down"');
    expect(cond.eq("summary", 'The "big" one').text).toBe(`summary = 'The "big" one'`);
    expect(cond.eq("company/name", "O'Brien & Sons").text).toBe(`company/name = "O'Brien & Sons"`);
  });

  it.each([
    ['" or 1=1', `'" or 1=1'`],
    ['" or summary like "%', `'" or summary like "%'`],
    ["') or ('1'='1", `"') or ('1'='1"`],
    ["' or id > 0 or summary = '", `"' or id > 0 or summary = '"`],
  ])("keeps the injection attempt %s one literal", (attempt, quoted) => {
    const built = cond.and(cond.eq("board/id", 1), cond.eq("summary", attempt))!;
    expect(built.text).toBe(`board/id = 1 and summary = ${quoted}`);
    expect(strings(built)).toEqual([attempt]);
    expect(kinds(built)).toEqual(["path", "op", "number", "keyword", "path", "op", "string", "end"]);
  });

  it("refuses exact values it can't quote safely: both quote kinds, backslashes, control characters", () => {
    expect(() => cond.eq("summary", `it's "odd"`)).toThrow(/both ' and "/);
    expect(() => cond.eq("summary", "C:\\temp")).toThrow(/backslash/);
    expect(() => cond.eq("summary", 'x\\" or 1=1 or \\"')).toThrow(ConditionValueError);
    expect(() => cond.eq("summary", "line one\nline two")).toThrow(/line breaks or control characters/);
    expect(() => cond.eq("summary", "tab\there")).toThrow(ConditionValueError);
    expect(() => cond.eq("summary", "nul\u0000")).toThrow(ConditionValueError);
    expect(() => cond.in("summary", ["ok", "bad\r"])).toThrow(ConditionValueError);
  });
});

describe("conditions builder: like over free text", () => {
  it("wraps in %…% and escapes the LIKE wildcards so they match literally", () => {
    expect(cond.like("summary", "VPN").text).toBe('summary like "%VPN%"');
    expect(cond.like("summary", "100%").text).toBe('summary like "%100[%]%"');
    expect(cond.like("summary", "*.pst").text).toBe('summary like "%[*].pst%"');
    expect(cond.like("summary", "file_name").text).toBe('summary like "%file[_]name%"');
    expect(cond.like("summary", "[urgent]").text).toBe('summary like "%[[]urgent]%"');
    expect(cond.like("resources", "jdoe, ", "prefix").text).toBe('resources like "jdoe, %"');
    expect(cond.like("resources", ", jdoe", "suffix").text).toBe('resources like "%, jdoe"');
    expect(cond.like("name", "Acme", "exact").text).toBe('name like "Acme"');
  });

  it("writes a backslash as the set [\], so it matches literally and never stands before a quote", () => {
    expect(cond.like("summary", "\\\\fs01\\Projects").text).toBe(String.raw`summary like "%[\][\]fs01[\]Projects%"`);
    expect(cond.like("summary", "ends with\\", "prefix").text).toBe(String.raw`summary like "ends with[\]%"`);
    const attempt = cond.like("summary", `x\\" or 1=1 or summary like \\"`);
    expect(attempt.text).toBe(String.raw`summary like '%x[\]" or 1=1 or summary like [\]"%'`);
    expect(strings(attempt)).toEqual([String.raw`%x[\]" or 1=1 or summary like [\]"%`]);
    expect(attempt.text).not.toMatch(/\\["']/);
  });

  it("turns the double quotes of a value with both quote kinds into the one-character wildcard _", () => {
    expect(cond.like("summary", `it's "odd"`).text).toBe(`summary like "%it's _odd_%"`);
  });

  it.each(['" or 1=1', "') or ('1'='1", '%" or "1"="1', "]\" or '"])("keeps %s inside the like literal", (attempt) => {
    const built = cond.like("summary", attempt);
    expect(strings(built)).toHaveLength(1);
    expect(kinds(built)).toEqual(["path", "keyword", "string", "end"]);
  });

  it("still refuses control characters (normalise whitespace first)", () => {
    expect(() => cond.like("summary", "two\nlines")).toThrow(ConditionValueError);
  });
});

describe("conditions builder: and / or", () => {
  it("joins, skips absent parts and parenthesises nested groups", () => {
    const built = cond.and(
      cond.eq("board/id", 1),
      undefined,
      false,
      cond.or(cond.eq("owner/id", 176), cond.like("resources", "jjunior")),
      cond.and(cond.eq("closedFlag", false), cond.or(cond.eq("a", 1), cond.eq("b", 2))),
    )!;
    expect(built.text).toBe('board/id = 1 and (owner/id = 176 or resources like "%jjunior%") and (closedFlag = false and (a = 1 or b = 2))');
    expect(cond.and()).toBeNull();
    expect(cond.or(null, "")).toBeNull();
    expect(cond.or(cond.eq("id", 5))!.text).toBe("id = 5");
  });
});
