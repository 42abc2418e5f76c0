import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runForErrorMessage } from "@/components/ui/action-error-message";

/** What the client gets from an action whose server side called redirect(): a rejection carrying Next's redirect. */
function redirectingAction(): Promise<never> {
  try {
    redirect("/login");
  } catch (navigation) {
    return Promise.reject(navigation);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("runForErrorMessage", () => {
  it("answers the server's message, or nothing when the action succeeded", async () => {
    expect(await runForErrorMessage(async () => ({ serverError: "That member is the last owner." }))).toBe("That member is the last owner.");
    expect(await runForErrorMessage(async () => ({}))).toBeUndefined();
  });

  it("reads a call that never answered as no response", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await runForErrorMessage(() => Promise.reject(new TypeError("Failed to fetch")))).toMatch(/^No response from the server/);
  });

  it("lets an action's redirect through (a browser signed out here goes to /login), instead of calling it a failure", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(runForErrorMessage(redirectingAction)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/login/) });
    expect(logged).not.toHaveBeenCalled();
  });
});
