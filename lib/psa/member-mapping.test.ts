import { describe, expect, it } from "vitest";
import { matchMemberByEmail } from "@/lib/psa/member-mapping";
import type { PsaMember } from "@/lib/psa/provider";

const member = (id: string, identifier: string, email: string | null, inactive = false): PsaMember => ({ id, identifier, name: `Member ${identifier}`, email, inactive });

const members = [
  member("1", "jdoe", "John.Doe@MSP.example"),
  member("2", "asmith", null),
  member("3", "jdoe2", "jdoe@msp.example"),
  member("4", "gone", "gone@msp.example", true),
  member("5", "ghost", null, true),
];

describe("matchMemberByEmail", () => {
  it("matches the email case-insensitively before any identifier", () => {
    expect(matchMemberByEmail(members, "john.doe@msp.example")?.id).toBe("1");
    // jdoe's email local part is also member 1's identifier; the email match (member 3) wins.
    expect(matchMemberByEmail(members, "JDoe@msp.example")?.id).toBe("3");
  });

  it("falls back to the identifier equal to the email's local part", () => {
    expect(matchMemberByEmail(members, "ASmith@elsewhere.example")?.id).toBe("2");
  });

  it("never matches an inactive member, and answers null when nothing matches", () => {
    expect(matchMemberByEmail(members, "gone@msp.example")).toBeNull();
    expect(matchMemberByEmail(members, "ghost@msp.example")).toBeNull();
    expect(matchMemberByEmail(members, "nobody@msp.example")).toBeNull();
    expect(matchMemberByEmail([], "john.doe@msp.example")).toBeNull();
  });
});
