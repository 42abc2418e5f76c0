/**
 * Input that can't 500, for server actions: a NUL or a lone surrogate comes back in the shape the
 * page shows (next-safe-action validation errors, or the auth forms' `{ error }` state), never as
 * a thrown error or a generic server error.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(async () => {
  // Next's server runtime provides this global before any request scope exists; so must the test.
  const { AsyncLocalStorage } = await import("node:async_hooks");
  Object.assign(globalThis, { AsyncLocalStorage });
});

import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { acceptInvitationAndSignIn } from "@/app/(auth)/invite/[token]/actions";
import { signInWithPassword } from "@/app/(auth)/login/actions";
import { createSessionAction } from "@/app/(app)/pilot/actions";
import { db } from "@/lib/db";
import { invitationExpiry, newInvitationToken } from "@/lib/members/invitation-token";
import { sessionCookieFor } from "@/tests/helpers/call-route";
import { createTenant, type TestTenant } from "@/tests/helpers/tenant";

let tenant: TestTenant;
beforeAll(async () => {
  tenant = await createTenant("Hostile Action MSP");
});

/** Runs a server action as Next does for a POST from the page, with `userId`'s session cookie. */
async function asServerAction<T>(userId: string, run: () => Promise<T>): Promise<T> {
  const headers = new Headers({ cookie: await sessionCookieFor(userId), host: "localhost:3000" });
  const workStore = { route: "/pilot", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false } as never;
  const requestStore = { type: "request", phase: "action", headers, url: { pathname: "/pilot", search: "" } } as never;
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, run));
}

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("the new-session action", () => {
  it("passes clean text on to the action's own schema (the control)", async () => {
    // A bad ticket id, so the action stops at its schema: the emoji title got past the text check.
    const result = await asServerAction(tenant.engineer.id, () => createSessionAction({ title: "Printer offline 🖨️", psa_ticket_id: "abc" }));
    expect(result?.serverError).toBeUndefined();
    expect(result?.validationErrors).toEqual({ formErrors: [], fieldErrors: { psa_ticket_id: ["Ticket ids are numbers."] } });
  });

  it("answers a NUL in the title beside the title field", async () => {
    const result = await asServerAction(tenant.engineer.id, () => createSessionAction({ title: "Printer a\u0000b" }));
    expect(result?.data).toBeUndefined();
    expect(result?.serverError).toBeUndefined();
    expect(result?.validationErrors).toEqual({
      formErrors: [],
      fieldErrors: { title: ["The field title contains a null character (U+0000), which can't be stored. Remove it and try again."] },
    });
    expect(await db.aiSession.count({ where: { accountId: tenant.accountId, title: { startsWith: "Printer a" } } })).toBe(0);
  });

  it("answers a lone surrogate in the company beside that field, and a bad key for the form", async () => {
    const surrogate = await asServerAction(tenant.engineer.id, () => createSessionAction({ title: "Fine", company_name: "Acme \ud800" }));
    expect(surrogate?.validationErrors?.fieldErrors).toEqual({ company_name: [expect.stringContaining("unpaired surrogate (U+D800)")] });
    const badKey = { title: "Fine", "x\u0000": "y" } as unknown as Parameters<typeof createSessionAction>[0];
    const keyed = await asServerAction(tenant.engineer.id, () => createSessionAction(badKey));
    expect(keyed?.validationErrors?.formErrors).toEqual([expect.stringMatching(/^A field name contains a null character/)]);
  });
});

describe("the auth forms", () => {
  it("sign-in refuses a NUL in the password with the form's error", async () => {
    const state = await signInWithPassword({}, formOf({ email: tenant.engineer.email, password: "pass\u0000word" }));
    expect(state).toEqual({ error: "The field password contains a null character (U+0000), which can't be stored. Remove it and try again." });
  });

  it("accepting an invitation refuses a NUL in the name and leaves the link open", async () => {
    const { token, tokenHash } = newInvitationToken();
    const invitation = await db.invitation.create({
      data: {
        accountId: tenant.accountId, email: `hostile-${randomUUID().slice(0, 8)}@example.test`, role: "engineer", tokenHash,
        invitedById: tenant.owner.id, expiresAt: invitationExpiry(new Date()),
      },
    });
    const password = "a long enough password";
    const state = await acceptInvitationAndSignIn(token, {}, formOf({ name: "Eve a\u0000b", password, confirm: password }));
    expect(state.error).toBe("The field name contains a null character (U+0000), which can't be stored. Remove it and try again.");
    expect((await db.invitation.findFirst({ where: { id: invitation.id } }))?.acceptedAt).toBeNull();
  });
});
