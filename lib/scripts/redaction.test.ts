import { describe, expect, it } from "vitest";
import { REDACTED, redactParameters, redactSensitive, redactValues, sensitiveValues } from "@/lib/scripts/redaction";

const schema = [
  { name: "username", label: "User", type: "text", required: true, sensitive: false },
  { name: "password", label: "Password", type: "password", required: true, sensitive: true },
  { name: "pin_code", label: "PIN", type: "text", required: false, sensitive: true },
];

describe("redactParameters", () => {
  it("replaces only the sensitive parameters' values", () => {
    expect(redactParameters(schema, { username: "alice", password: "hunter2", pin_code: 4321 })).toEqual({
      username: "alice",
      password: REDACTED,
      pin_code: REDACTED,
    });
  });

  it("trusts a schema that declares a secret-looking name non-sensitive", () => {
    const declared = [{ name: "token_count", sensitive: false }];
    expect(redactParameters(declared, { token_count: 5 })).toEqual({ token_count: 5 });
  });

  it("judges undeclared parameters by name when the schema is missing or malformed", () => {
    for (const missing of [undefined, null, "nonsense", [{ nope: true }], {}]) {
      expect(redactParameters(missing, { api_key: "k-1", host: "srv" })).toEqual({ api_key: REDACTED, host: "srv" });
    }
  });

  it("returns an empty object for values that aren't an object", () => {
    expect(redactParameters(schema, null)).toEqual({});
    expect(redactParameters(schema, ["hunter2"])).toEqual({});
    expect(redactParameters(schema, "hunter2")).toEqual({});
  });
});

describe("sensitiveValues", () => {
  it("collects strings and numbers, including inside arrays and objects, but not blanks or markers", () => {
    const values = { password: ["one", { nested: 42 }], pin_code: "   ", username: "alice", api_key: REDACTED };
    expect(sensitiveValues(schema, values).sort()).toEqual(["42", "one"]);
  });

  it("ignores booleans and null", () => {
    expect(sensitiveValues(schema, { password: true, pin_code: null })).toEqual([]);
  });
});

describe("redactSensitive", () => {
  it("replaces every occurrence of a sensitive value in the text", () => {
    const text = "net user alice hunter2 /add; echo hunter2";
    expect(redactSensitive(text, schema, { username: "alice", password: "hunter2" })).toBe(
      `net user alice ${REDACTED} /add; echo ${REDACTED}`,
    );
  });

  it("treats regex metacharacters literally", () => {
    const secret = "a.b*c+(d)?[e]$^\\|{2}";
    const text = `pw=${secret} other=aXbbc`;
    expect(redactSensitive(text, schema, { password: secret })).toBe(`pw=${REDACTED} other=aXbbc`);
  });

  it("redacts numeric values as they appear in text", () => {
    expect(redactSensitive("Set-Pin 4321", schema, { pin_code: 4321 })).toBe(`Set-Pin ${REDACTED}`);
  });

  it("leaves no fragment of overlapping values", () => {
    const text = "x abcdef y";
    const redacted = redactSensitive(text, schema, { password: "abcd", pin_code: "cdef" });
    expect(redacted).toBe(`x ${REDACTED} y`);
  });

  it("handles one value containing another", () => {
    expect(redactSensitive("s3cr3t-long and s3cr3t", schema, { password: "s3cr3t-long", pin_code: "s3cr3t" })).toBe(
      `${REDACTED} and ${REDACTED}`,
    );
  });

  it("handles repeated, self-overlapping occurrences", () => {
    expect(redactValues("aaaa", ["aa"])).toBe(REDACTED);
    expect(redactValues("ababa-b", ["aba"])).toBe(`${REDACTED}-b`);
  });

  it("returns the text unchanged without a schema or sensitive values", () => {
    expect(redactSensitive("hello hunter2", undefined, undefined)).toBe("hello hunter2");
    expect(redactSensitive("hello hunter2", schema, { username: "hunter2" })).toBe("hello hunter2");
    expect(redactSensitive("", schema, { password: "x" })).toBe("");
  });
});
