import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { sensitiveEntries, validateParameterValues } from "@/lib/scripts/generate/parameter-values";
import { parametersSchemaInput } from "@/lib/scripts/parameter-schema";

const schema = parametersSchemaInput.parse([
  { name: "mailbox", label: "Mailbox", type: "text" },
  { name: "days", label: "Days", type: "number", required: false, default: 7 },
  { name: "limit", label: "Limit", type: "number", required: false },
  { name: "force", label: "Force", type: "boolean", required: false },
  { name: "mode", label: "Mode", type: "select", options: ["soft", "hard"] },
  { name: "password", label: "Password", type: "secret" },
  { name: "note", label: "Note", type: "text", required: false },
]);

const good = { mailbox: "alice@contoso.com", mode: "soft", password: "Pa55-Unique-7f3a" };

/** The 422 a route would answer for what `validateParameterValues` throws. */
function refusal(values: Record<string, unknown>) {
  try {
    validateParameterValues(schema, values);
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    return toErrorResponseParts(error);
  }
  throw new Error("expected the values to be refused");
}

describe("validateParameterValues", () => {
  it("types the values and fills defaults and empty optionals", () => {
    expect(validateParameterValues(schema, { ...good, days: "30", force: "true" })).toEqual({
      mailbox: "alice@contoso.com",
      days: 30,
      limit: null,
      force: true,
      mode: "soft",
      password: "Pa55-Unique-7f3a",
      note: null,
    });
    expect(validateParameterValues(schema, { ...good, days: "", note: "" })).toMatchObject({ days: 7, force: false, note: null });
  });

  it("refuses a missing required field in words; the issue names it as parameters.<name>", () => {
    const { status, body } = refusal({ mode: "soft", password: "x" });
    expect(status).toBe(422);
    expect(body.error.message).toBe("Mailbox is required.");
    expect(body.error.issues).toEqual([{ path: "parameters.mailbox", message: "Mailbox is required." }]);
  });

  it("treats a blank string as missing", () => {
    expect(refusal({ ...good, mailbox: "   " }).body.error.message).toBe("Mailbox is required.");
  });

  it("refuses what each type can't be", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ days: "seven" }, "Days must be a number."],
      [{ days: "1e400" }, "Days must be a number."],
      [{ days: "0x10" }, "Days must be a number."],
      [{ force: "yes" }, "Force must be true or false."],
      [{ mode: "medium" }, "Mode must be one of: soft, hard."],
      [{ mailbox: { nested: true } }, "Mailbox must be text."],
      [{ mailbox: true }, "Mailbox must be text."],
      [{ mailbox: "x".repeat(4001) }, "Mailbox must be 4000 characters or fewer."],
      [{ password: "a\u0000b" }, "Password can't contain a NUL character."],
      [{ mailbox_typo: "x" }, 'This template has no parameter named "mailbox_typo".'],
    ];
    for (const [values, message] of cases) expect(refusal({ ...good, ...values }).body.error.message).toBe(message);
  });

  it("accepts numbers as numbers or decimal strings, and text up to 4000 characters", () => {
    expect(validateParameterValues(schema, { ...good, days: -2.5, limit: " 12 " })).toMatchObject({ days: -2.5, limit: 12 });
    expect(validateParameterValues(schema, { ...good, mailbox: "x".repeat(4000) }).mailbox).toHaveLength(4000);
    expect(validateParameterValues(schema, { ...good, mailbox: 42 }).mailbox).toBe("42");
  });

  it("lists every bad field at once and never repeats a value in a message", () => {
    const { body } = refusal({ mailbox: "", mode: "Pa55-Unique-7f3a", password: "Pa55-Unique-7f3a", days: "Pa55-Unique-7f3a" });
    expect(body.error.message).toBe(
      "Mailbox is required. Days must be a number. Mode must be one of: soft, hard.",
    );
    expect(JSON.stringify(body)).not.toContain("Pa55-Unique-7f3a");
  });
});

describe("sensitiveEntries", () => {
  it("keeps the non-empty values of sensitive parameters as text, and no booleans", () => {
    const flagged = parametersSchemaInput.parse([
      { name: "pin", type: "number", sensitive: true },
      { name: "secret_flag", type: "boolean", sensitive: true },
      { name: "password", type: "secret", required: false },
      { name: "user", type: "text" },
    ]);
    expect(sensitiveEntries(flagged, { pin: 4321, secret_flag: true, password: null, user: "alice" })).toEqual({ pin: "4321" });
  });
});
