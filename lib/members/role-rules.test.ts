import { describe, expect, it } from "vitest";
import { canManageRole, grantableRoles, manageRefusal } from "@/lib/members/role-rules";

describe("role rules (A7)", () => {
  it("lets owners manage and grant every role", () => {
    expect(grantableRoles("owner")).toEqual(["owner", "admin", "engineer", "viewer"]);
    expect(manageRefusal("owner", "owner")).toBeNull();
  });

  it("lets admins manage engineers and viewers only", () => {
    expect(grantableRoles("admin")).toEqual(["engineer", "viewer"]);
    expect(canManageRole("admin", "admin")).toBe(false);
    expect(canManageRole("admin", "owner")).toBe(false);
    expect(manageRefusal("admin", "owner")).toMatch(/ask an owner/);
  });

  it("lets engineers and viewers manage nobody", () => {
    for (const actor of ["engineer", "viewer"] as const) {
      expect(grantableRoles(actor)).toEqual([]);
      expect(manageRefusal(actor, "viewer")).toBe("Only owners and admins manage members.");
    }
  });
});
