import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { findUnsafeText, formatFieldPath, refuseUnsafeText } from "@/lib/http/unsafe-text";

const paths = (value: unknown) => findUnsafeText(value).map((issue) => formatFieldPath(issue.path));

describe("findUnsafeText", () => {
  it("names a top-level field holding a NUL", () => {
    expect(findUnsafeText({ title: "a\u0000b" })).toEqual([
      { path: ["title"], in: "value", message: "The field title contains a null character (U+0000), which can't be stored. Remove it and try again." },
    ]);
  });

  it("names a lone high or low surrogate by its code", () => {
    const [high] = findUnsafeText({ company: "Acme \ud800" });
    expect(high?.message).toBe("The field company contains an unpaired surrogate (U+D800), which isn't valid Unicode text. Remove it and try again.");
    expect(findUnsafeText({ company: "\udfff tail" })[0]?.message).toContain("(U+DFFF)");
    // A high surrogate followed by another high one is still unpaired.
    expect(paths({ x: "\ud83d\ud83d" })).toEqual(["x"]);
  });

  it("gives nested object and array paths", () => {
    expect(paths({ parameters: { PrinterName: "\u0000" } })).toEqual(["parameters.PrinterName"]);
    expect(paths({ items: [{ text: "ok" }, { text: "ok" }, { text: "bad\u0000" }] })).toEqual(["items[2].text"]);
    expect(paths({ grid: [["ok", ["ok", "\ud800"]]] })).toEqual(["grid[0][1][1]"]);
    expect(paths(["\u0000"])).toEqual(["[0]"]);
  });

  it("quotes keys that are not plain names, and shortens long ones", () => {
    expect(paths({ parameters: { "Printer name": "\u0000" } })).toEqual(['parameters["Printer name"]']);
    const long = "k".repeat(100);
    expect(paths({ [long]: "\u0000" })).toEqual([`[${JSON.stringify(`${"k".repeat(40)}…`)}]`]);
  });

  it("refuses a bad key, naming the object that holds it", () => {
    expect(findUnsafeText({ parameters: { "Printer\u0000": "ok" } })).toEqual([
      {
        path: ["parameters"],
        in: "key",
        message: "A field name in parameters contains a null character (U+0000), which can't be stored. Remove it and try again.",
      },
    ]);
    expect(findUnsafeText({ "\ud800": 1 })[0]?.message).toMatch(/^A field name contains an unpaired surrogate \(U\+D800\)/);
  });

  it("lists every bad string in document order, at most ten", () => {
    expect(paths({ a: "\u0000", b: { c: "fine", d: "\u0000" }, e: ["\ud800"] })).toEqual(["a", "b.d", "e[0]"]);
    expect(findUnsafeText(Array.from({ length: 50 }, () => "\u0000"))).toHaveLength(10);
  });

  it("passes good text: emoji, surrogate pairs, combining marks, line separators, other controls", () => {
    const good = {
      title: "Printer 🖨️ won't print — 👩🏽‍💻 café (e\u0301) 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
      pair: "\ud83d\ude00",
      separators: "line\u2028paragraph\u2029end",
      controls: "tab\tnewline\n\u0001\u001f\u007f\ufeff\ufffd",
      rtl: "\u202eשלום",
      [`key 😀`]: "ok",
      numbers: [1, 2.5, true, null],
    };
    expect(findUnsafeText(good)).toEqual([]);
  });

  it("ignores non-strings and reads FormData, URLSearchParams, Maps and Sets", () => {
    expect(findUnsafeText({ n: 1, b: false, nil: null, date: new Date(0), u: undefined })).toEqual([]);
    const form = new FormData();
    form.set("email", "a@example.test");
    form.set("password", "pass\u0000word");
    expect(paths(form)).toEqual(["password"]);
    expect(paths(new URLSearchParams("q=%00"))).toEqual(["q"]);
    expect(paths(new Map([["name", "\ud800"]]))).toEqual(["name"]);
    expect(paths({ tags: new Set(["ok", "\u0000"]) })).toEqual(["tags[1]"]);
  });

  it("walks a very deep body without overflowing the stack, and survives cycles", () => {
    let deep: unknown = "\u0000";
    for (let depth = 0; depth < 200_000; depth += 1) deep = [deep];
    const [issue] = findUnsafeText(deep);
    expect(issue?.path).toHaveLength(200_000);
    // The sentence stays readable: the path is cut short.
    expect(issue?.message).toMatch(/^The field (\[0\]){41}…/);
    expect(issue!.message.length).toBeLessThan(300);
    const cyclic: Record<string, unknown> = { name: "ok" };
    cyclic.self = cyclic;
    expect(findUnsafeText(cyclic)).toEqual([]);
  });
});

describe("refuseUnsafeText", () => {
  it("does nothing for good input", () => {
    expect(() => refuseUnsafeText({ title: "fine 😀" })).not.toThrow();
  });

  it("throws a 422 whose body names the field, as zod issues", () => {
    let thrown: unknown;
    try {
      refuseUnsafeText({ title: "a\u0000b", items: [{ text: "\ud800" }] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    const { status, body } = toErrorResponseParts(thrown);
    expect(status).toBe(422);
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toBe(
      "The field title contains a null character (U+0000), which can't be stored. Remove it and try again. " +
        "The field items[0].text contains an unpaired surrogate (U+D800), which isn't valid Unicode text. Remove it and try again.",
    );
    expect(body.error.issues).toEqual([
      { path: "title", message: expect.stringContaining("title") },
      { path: "items.0.text", message: expect.stringContaining("items[0].text") },
    ]);
  });
});
