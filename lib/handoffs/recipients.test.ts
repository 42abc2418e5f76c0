import { describe, expect, it } from "vitest";
import { escalationRecipientsWhere } from "@/lib/handoffs/recipients";

describe("escalationRecipientsWhere", () => {
  it("keeps to the account, active working roles, and leaves the escalator out", () => {
    expect(escalationRecipientsWhere({ accountId: "acc", escalatorId: "me" })).toEqual({
      accountId: "acc",
      deletedAt: null,
      role: { in: ["owner", "admin", "engineer"] },
      id: { not: "me" },
    });
  });
});
