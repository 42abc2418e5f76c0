import { describe, expect, it } from "vitest";
import { isActivePath, visibleNavItems } from "@/components/shell/nav-items";

const labels = (role: Parameters<typeof visibleNavItems>[0]) => visibleNavItems(role).map((item) => item.label);

describe("visibleNavItems", () => {
  it("hides Analytics from viewers, whose role its page refuses", () => {
    expect(labels("viewer")).toEqual(["Pilot", "Escalations", "Tickets", "Scripts", "Knowledge", "Settings"]);
  });

  it("shows every section to engineers, admins and owners", () => {
    for (const role of ["engineer", "admin", "owner"] as const) {
      expect(labels(role)).toEqual(["Pilot", "Escalations", "Tickets", "Scripts", "Knowledge", "Analytics", "Settings"]);
    }
  });
});

describe("isActivePath", () => {
  it("marks a section and its sub-pages, not a section that merely shares a prefix", () => {
    expect(isActivePath("/scripts", "/scripts")).toBe(true);
    expect(isActivePath("/scripts/templates/abc", "/scripts")).toBe(true);
    expect(isActivePath("/pilot/abc", "/pilot")).toBe(true);
    expect(isActivePath("/pilotage", "/pilot")).toBe(false);
    expect(isActivePath("/pilot/abc", "/escalations")).toBe(false);
  });

  it("follows the origin: a session opened from the escalation queue highlights Escalations, not Pilot", () => {
    const search = new URLSearchParams("from=escalations");
    expect(isActivePath("/pilot/abc", "/escalations", search)).toBe(true);
    expect(isActivePath("/pilot/abc", "/pilot", search)).toBe(false);
  });

  it("ignores an origin that names no section", () => {
    const search = new URLSearchParams("from=somewhere");
    expect(isActivePath("/pilot/abc", "/pilot", search)).toBe(true);
    expect(isActivePath("/pilot/abc", "/escalations", search)).toBe(false);
    expect(isActivePath("/pilot/abc", "/pilot", new URLSearchParams("pickup=true"))).toBe(true);
  });
});
