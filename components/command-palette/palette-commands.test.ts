import { describe, expect, it } from "vitest";
import { canStartSession, navigationCommands, newSessionHref, sessionHref } from "@/components/command-palette/palette-commands";

const hrefsFor = (role: Parameters<typeof navigationCommands>[0]) => navigationCommands(role).map((command) => command.href);

describe("navigationCommands", () => {
  it("gives engineers every section and the script sub-pages", () => {
    expect(hrefsFor("engineer")).toEqual([
      "/pilot",
      "/escalations",
      "/tickets",
      "/scripts",
      "/knowledge",
      "/analytics",
      "/settings",
      "/scripts/drafts",
      "/scripts/builder",
      "/scripts/templates/new",
      "/settings/security",
    ]);
  });

  it("leaves out what a viewer's role can't open", () => {
    const hrefs = hrefsFor("viewer");
    expect(hrefs).not.toContain("/analytics");
    expect(hrefs).not.toContain("/scripts/builder");
    expect(hrefs).not.toContain("/scripts/templates/new");
    expect(hrefs).toEqual(["/pilot", "/escalations", "/tickets", "/scripts", "/knowledge", "/settings", "/scripts/drafts", "/settings/security"]);
  });

  it("gives every command a unique id", () => {
    const ids = navigationCommands("owner").map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("canStartSession", () => {
  it("is for engineers, admins and owners", () => {
    expect(["owner", "admin", "engineer", "viewer"].map((role) => canStartSession(role as "owner"))).toEqual([true, true, true, false]);
  });
});

describe("sessionHref", () => {
  it("opens a session in transit on the handoff screen, from Escalations", () => {
    expect(sessionHref({ id: "s1", in_transit: true })).toBe("/pilot/s1?pickup=true&from=escalations");
    expect(sessionHref({ id: "s2", in_transit: false })).toBe("/pilot/s2");
  });
});

describe("newSessionHref", () => {
  it("opens the pilot page's New session dialog, keeping the pilot page's own filters", () => {
    expect(newSessionHref({ pathname: "/escalations", search: "?q=vpn" })).toBe("/pilot?new=1");
    expect(newSessionHref({ pathname: "/pilot", search: "" })).toBe("/pilot?new=1");
    expect(newSessionHref({ pathname: "/pilot", search: "?q=vpn&status=active" })).toBe("/pilot?q=vpn&status=active&new=1");
  });
});
