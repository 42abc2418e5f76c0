import { beforeAll, describe, expect, it } from "vitest";
import * as templatesRoute from "@/app/api/v1/scripts/templates/route";
import { callRoute } from "@/tests/helpers/call-route";
import { createCategoryFor, createTemplateFor } from "@/tests/helpers/script-templates";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let a: TestTenant;
let b: TestTenant;
const ids: Record<string, string> = {};
let printing: string;
beforeAll(async () => {
  a = await createTenant("Search A");
  b = await createTenant("Search B");
  printing = (await createCategoryFor(a.accountId, "Printing")).id;
  const identity = (await createCategoryFor(a.accountId, "Identity & access")).id;
  ids.spooler = (await createTemplateFor(a.engineer, { name: "Restart a stuck print spooler", description: "Clears stuck jobs.", categoryId: printing })).id;
  ids.mfa = (
    await createTemplateFor(a.engineer, {
      name: "Reset MFA registration",
      description: "Makes the user register authentication methods again.",
      body: "Get-MgUserAuthenticationMethod -UserId {{upn}}",
      parameters: [{ name: "upn", label: "UPN", type: "text", required: true, default: null, sensitive: false, description: null }],
      categoryId: identity,
    })
  ).id;
  ids.dns = (await createTemplateFor(a.engineer, { name: "Flush DNS", description: null, body: "ipconfig /flushdns\nipconfig /registerdns", parameters: [] })).id;
  ids.theirs = (await createTemplateFor(b.engineer, { name: "Their print spooler" })).id;
});

async function search(query: Record<string, string>, as = a.viewer.id) {
  const response = await callRoute(templatesRoute.GET, "GET", { as, query });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items: { id: string; name: string }[]; next_page: null };
  expect(body.next_page).toBeNull();
  return body.items.map((item) => item.id);
}

describe("GET /api/v1/scripts/templates", () => {
  it("lists the account's templates by name, never another tenant's", async () => {
    expect(await search({})).toEqual([ids.dns, ids.mfa, ids.spooler]);
    expect(await search({}, b.owner.id)).toEqual([ids.theirs]);
  });

  it("searches the name, the description and the body, ignoring case", async () => {
    expect(await search({ q: "SPOOLER" })).toEqual([ids.spooler]);
    expect(await search({ q: "authentication methods" })).toEqual([ids.mfa]);
    expect(await search({ q: "registerdns" })).toEqual([ids.dns]);
    expect(await search({ q: "no template says this" })).toEqual([]);
    // Wildcards are literal text, not patterns.
    expect(await search({ q: "%" })).toEqual([]);
    expect(await search({ q: "flush_dns" })).toEqual([]);
    expect(await search({ q: "/flushdns" })).toEqual([ids.dns]);
  });

  it("filters by category, and an empty filter counts as none", async () => {
    expect(await search({ category_id: printing })).toEqual([ids.spooler]);
    expect(await search({ category_id: printing, q: "MFA" })).toEqual([]);
    expect(await search({ category_id: "", q: "" })).toHaveLength(3);
  });

  it("is 422 for a malformed filter", async () => {
    const response = await callRoute(templatesRoute.GET, "GET", { as: a.viewer.id, query: { category_id: "printing" } });
    expect(response.status).toBe(422);
  });
});
