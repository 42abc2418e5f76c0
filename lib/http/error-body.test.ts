import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { z } from "zod";
import { AppError, errorStatus, type ErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { toErrorResponseParts } from "@/lib/http/error-body";

const knownRequestError = (code: string, message = `Invalid call: ${code} on table secret_internal_table`) =>
  new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "6.19.0", meta: { target: ["email"] } });

const GENERIC = { error: { code: "internal", message: "Something went wrong on our side. Try again." } };

let consoleError: MockInstance<typeof console.error>;
beforeEach(() => {
  consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  consoleError.mockRestore();
});

describe("toErrorResponseParts", () => {
  const table: [ErrorCode, number][] = [
    ["bad_request", 400],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["conflict", 409],
    ["invalid", 422],
    ["rate_limited", 429],
    ["upstream", 502],
    ["unavailable", 503],
  ];

  it("covers every AppError code", () => {
    expect(Object.fromEntries(table)).toEqual(errorStatus);
  });

  it.each(table)("maps AppError %s to %i with its message", (code, status) => {
    const parts = toErrorResponseParts(new AppError(code, "Reload to see the current fix."));
    expect(parts).toEqual({ status, body: { error: { code, message: "Reload to see the current fix." } } });
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("keeps AppError details out of the body", () => {
    const parts = toErrorResponseParts(new AppError("invalid", "Check the form.", { secret: "internal detail" }));
    expect(JSON.stringify(parts.body)).not.toContain("internal detail");
  });

  it("maps a ZodError to 422 with the field issues", () => {
    const result = z
      .object({ name: z.string(), nested: z.object({ count: z.number().int() }) })
      .safeParse({ name: 3, nested: { count: 1.5 } });
    expect(result.success).toBe(false);
    const parts = toErrorResponseParts(result.error);
    expect(parts.status).toBe(422);
    expect(parts.body.error.code).toBe("invalid");
    expect(parts.body.error.issues).toEqual([
      { path: "name", message: expect.any(String) },
      { path: "nested.count", message: expect.any(String) },
    ]);
    // The paths are for programs; the message is for people.
    expect(parts.body.error.message).not.toMatch(/name|nested|count|;/);
  });

  it("writes the message as the issues' sentences, each once, without field paths", () => {
    const result = z
      .object({
        message: z.string().max(3, "Keep a message under 3 characters."),
        site: z.string().min(1, "Enter the site"),
        copy: z.string().max(3, "Keep a message under 3 characters."),
      })
      .safeParse({ message: "long", site: "", copy: "long" });
    const parts = toErrorResponseParts(result.error);
    expect(parts.body.error.message).toBe("Keep a message under 3 characters. Enter the site.");
    expect(parts.body.error.issues).toEqual([
      { path: "message", message: "Keep a message under 3 characters." },
      { path: "site", message: "Enter the site" },
      { path: "copy", message: "Keep a message under 3 characters." },
    ]);
  });

  it("uses the bare message for an issue without a path", () => {
    const result = z.object({}).refine(() => false, "Send at least one preference to change.").safeParse({});
    const parts = toErrorResponseParts(result.error);
    expect(parts).toEqual({
      status: 422,
      body: {
        error: {
          code: "invalid",
          message: "Send at least one preference to change.",
          issues: [{ path: "", message: "Send at least one preference to change." }],
        },
      },
    });
  });

  it("maps Prisma P2025 to 404 without Prisma's wording", () => {
    expect(toErrorResponseParts(knownRequestError("P2025"))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "Not found." } },
    });
  });

  it("maps Prisma P2002 to 409 without naming the constraint", () => {
    const parts = toErrorResponseParts(knownRequestError("P2002"));
    expect(parts).toEqual({ status: 409, body: { error: { code: "conflict", message: "That already exists." } } });
    expect(JSON.stringify(parts.body)).not.toContain("email");
  });

  it("maps other Prisma errors to a generic 500", () => {
    const error = knownRequestError("P2003");
    expect(toErrorResponseParts(error)).toEqual({ status: 500, body: GENERIC });
    expect(consoleError).toHaveBeenCalledWith(expect.any(String), error);
  });

  it.each([
    ["an Error", new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2")],
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'passwordHash')")],
    ["a thrown string", "db password hunter2"],
    ["undefined", undefined],
    ["null", null],
  ])("maps %s to a generic 500 and logs the real error", (_name, thrown) => {
    const parts = toErrorResponseParts(thrown);
    expect(parts).toEqual({ status: 500, body: GENERIC });
    const text = JSON.stringify(parts.body);
    for (const secret of ["hunter2", "ECONNREFUSED", "passwordHash"]) expect(text).not.toContain(secret);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]).toContain(thrown);
  });
});
