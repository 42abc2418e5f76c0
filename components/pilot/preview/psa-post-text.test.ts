import { describe, expect, it } from "vitest";
import { postedLine } from "@/components/pilot/preview/psa-post-text";

describe("postedLine", () => {
  it("names the ticket and the verified status", () => {
    expect(postedLine({ ticket_id: "48233", verified_status: { id: "105", name: "Resolved" }, status_transition_skipped_reason: null })).toBe(
      "Posted to ConnectWise ticket #48233 · status moved to Resolved (verified)",
    );
  });

  it("says why the status stayed when the transition was skipped", () => {
    const reason = "No resolved status is configured in Settings → PSA, so the ticket's status was left as it was.";
    expect(postedLine({ ticket_id: "48233", verified_status: null, status_transition_skipped_reason: reason })).toBe(`Posted to ConnectWise ticket #48233 · status change skipped: ${reason}`);
  });
});
