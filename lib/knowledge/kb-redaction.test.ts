import { describe, expect, it } from "vitest";
import { applyRedactions, concealAll, findRedactions, parseRedactions, revealKept, withKept, type Redaction } from "@/lib/knowledge/kb-redaction";

const facts = [
  "Jane Doe (jane.doe@contoso.com) cannot map the S: drive from LAPTOP-7QK2M",
  "File server FS01.corp.contoso.local answers on 10.20.0.14",
  "User jsmith gets access denied; CONTOSO\\mbrown works",
  "KB5034441 is installed; SMB signing is required by policy; see learn.microsoft.com",
];

const valuesOf = (items: Redaction[], kind: Redaction["kind"]) => items.filter((item) => item.kind === kind).map((item) => item.value);

describe("findRedactions", () => {
  const found = findRedactions({ companyName: "Contoso Ltd", texts: facts });

  it("finds the customer, emails, IPs, hostnames and user names in the facts", () => {
    expect(valuesOf(found, "customer")).toEqual(["Contoso Ltd"]);
    expect(valuesOf(found, "email")).toEqual(["jane.doe@contoso.com"]);
    expect(valuesOf(found, "ip")).toEqual(["10.20.0.14"]);
    expect(valuesOf(found, "host")).toEqual(expect.arrayContaining(["LAPTOP-7QK2M", "FS01.corp.contoso.local", "FS01"]));
    expect(valuesOf(found, "user")).toEqual(expect.arrayContaining(["jane.doe", "jsmith", "mbrown"]));
  });

  it("leaves updates, protocols, public vendor domains and ordinary words alone", () => {
    const all = found.map((item) => item.value);
    expect(all).not.toContain("KB5034441");
    expect(all).not.toContain("learn.microsoft.com");
    expect(all).not.toContain("gets");
    expect(all.some((value) => /^SMB/.test(value))).toBe(false);
  });

  it("numbers placeholders per kind, and keeps nothing by default", () => {
    expect(found.find((item) => item.kind === "customer")?.placeholder).toBe("[customer]");
    expect(found.filter((item) => item.kind === "host").map((item) => item.placeholder)).toEqual(["[host 1]", "[host 2]", "[host 3]"]);
    expect(found.every((item) => !item.keep)).toBe(true);
  });

  it("lists a value once whatever its case", () => {
    const twice = findRedactions({ companyName: null, texts: ["DC01 is down", "restarted dc01? no: DC01 again"] });
    expect(valuesOf(twice, "host")).toEqual(["DC01"]);
  });

  it("finds nothing in text without identifying details", () => {
    expect(findRedactions({ companyName: null, texts: ["Outlook asks for a password after the update", "The user can't sign in"] })).toEqual([]);
  });
});

describe("conceal and reveal", () => {
  const items = findRedactions({ companyName: "Contoso Ltd", texts: facts });
  const draft = "Contoso Ltd: jane.doe@contoso.com on LAPTOP-7QK2M could not reach FS01.corp.contoso.local (10.20.0.14). contoso ltd confirmed.";

  it("replaces every occurrence, whatever its case, the longest value first", () => {
    const concealed = concealAll(draft, items);
    expect(concealed).toBe("[customer]: [email] on [host 1] could not reach [host 2] ([IP]). [customer] confirmed.");
  });

  it("does not touch a value inside a longer word", () => {
    const [host] = findRedactions({ companyName: null, texts: ["DC01 is down"] });
    expect(concealAll("DC01 and DC011 and XDC01", [host!])).toBe("[host] and DC011 and XDC01");
  });

  it("puts a kept value back and leaves the rest redacted", () => {
    const kept = withKept(items, ["[host 1]"]);
    expect(applyRedactions(draft, kept)).toBe("[customer]: [email] on LAPTOP-7QK2M could not reach [host 2] ([IP]). [customer] confirmed.");
  });

  it("toggles back and forth on edited text without losing the edit", () => {
    const kept = withKept(items, ["[customer]"]);
    const edited = `${applyRedactions(draft, kept)}\n\nCall Contoso Ltd first.`;
    expect(edited.endsWith("Call Contoso Ltd first.")).toBe(true);
    const hiddenAgain = applyRedactions(edited, withKept(items, []));
    expect(hiddenAgain).not.toContain("Contoso Ltd");
    expect(hiddenAgain.endsWith("Call [customer] first.")).toBe(true);
    expect(revealKept(hiddenAgain, kept)).toBe(edited);
  });
});

describe("parseRedactions", () => {
  it("keeps well-formed items and drops the rest", () => {
    const good = { kind: "ip", value: "10.0.0.1", placeholder: "[ip]", keep: true };
    expect(parseRedactions([good, { kind: "phone", value: "1", placeholder: "[x]", keep: false }, null, "x"])).toEqual([good]);
    expect(parseRedactions({})).toEqual([]);
  });
});
