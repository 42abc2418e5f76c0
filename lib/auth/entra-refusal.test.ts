import { describe, expect, it } from "vitest";
import { entraRefusalMessage } from "@/lib/auth/entra-refusal";

describe("entraRefusalMessage", () => {
  it("names each refusal in a sentence", () => {
    expect(entraRefusalMessage("entra_unknown")).toBe(
      "No FlowPilot account uses that Microsoft account. Ask your team's owner for an invitation.",
    );
    expect(entraRefusalMessage("entra_removed")).toBe("This account has been removed from its team. Ask your team owner to restore it.");
    expect(entraRefusalMessage("entra_tenant")).toMatch(/another organization/);
  });

  it("explains a broken flow without leaking next-auth's codes, and stays quiet otherwise", () => {
    expect(entraRefusalMessage("OAuthCallbackError")).toBe("Microsoft sign-in didn't complete. Try again, or sign in with your email and password.");
    expect(entraRefusalMessage("toString")).toMatch(/didn't complete/);
    expect(entraRefusalMessage(undefined)).toBeUndefined();
    expect(entraRefusalMessage("CredentialsSignin")).toBeUndefined();
  });
});
