import { beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute } from "@/tests/helpers/call-route";
import { connectAccountToSimulator, connectionBodyFor, installConnectWiseSimulator } from "@/tests/helpers/psa";
import { createTenant } from "@/tests/helpers/tenant";

// The simulator is on loopback over http: the test-only escape hatch, set before lib/env is read.
// Only 127.0.0.1 is allow-listed, so "localhost" stays refused like any non-public host.
vi.hoisted(() => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
});

const { db } = await import("@/lib/db");
const { openSecret } = await import("@/lib/crypto/secret-box");
const connectionRoute = await import("@/app/api/v1/psa/connection/route");
const testRoute = await import("@/app/api/v1/psa/connection/test/route");

type Tenant = Awaited<ReturnType<typeof createTenant>>;
type ConnectionBody = { connection: Record<string, unknown> | null };

const sim = installConnectWiseSimulator();

const bodyFor = (overrides: Record<string, unknown> = {}) => connectionBodyFor(sim(), overrides);

const put = (as: string, body: unknown) => callRoute(connectionRoute.PUT, "PUT", { as, body });
const get = (as: string) => callRoute(connectionRoute.GET, "GET", { as });
const remove = (as: string) => callRoute(connectionRoute.DELETE, "DELETE", { as });
const runTest = (as: string) => callRoute(testRoute.POST, "POST", { as });

function sealedRow(accountId: string) {
  return db.psaConnection.findUnique({
    where: { accountId },
    select: { siteUrl: true, companyId: true, clientId: true, publicKeyEncrypted: true, privateKeyEncrypted: true, lastTestedAt: true, lastTestOk: true, lastTestMessage: true },
  });
}

/** Fails when a response body holds either full key; returns the parsed body. */
async function readSecretFree(response: Response): Promise<ConnectionBody> {
  const text = await response.text();
  const { publicKey, privateKey } = sim().credentials;
  expect(text).not.toContain(privateKey);
  expect(text).not.toContain(publicKey);
  return JSON.parse(text) as ConnectionBody;
}

let tenant: Tenant;
beforeEach(async () => {
  tenant = await createTenant("PSA connection");
});

describe("PUT /api/v1/psa/connection", () => {
  it("stores the keys sealed and answers with their last 4 characters only", async () => {
    const response = await put(tenant.owner.id, bodyFor());
    expect(response.status).toBe(200);
    const { connection } = await readSecretFree(response);
    const { url, credentials } = sim();
    expect(connection).toMatchObject({
      provider: "connectwise",
      site_url: url,
      company_id: credentials.companyId,
      client_id: credentials.clientId,
      public_key_last4: credentials.publicKey.slice(-4),
      private_key_last4: credentials.privateKey.slice(-4),
      keys_readable: true,
      is_active: true,
      last_tested_at: null,
      last_test_ok: null,
    });

    const row = (await sealedRow(tenant.accountId))!;
    expect(row.publicKeyEncrypted).not.toContain(credentials.publicKey);
    expect(row.privateKeyEncrypted).not.toContain(credentials.privateKey);
    expect(row.privateKeyEncrypted).toMatch(/^v1\./);
    expect(openSecret(row.publicKeyEncrypted)).toBe(credentials.publicKey);
    expect(openSecret(row.privateKeyEncrypted)).toBe(credentials.privateKey);
    // The default query of the client never reads the sealed columns.
    const plain = (await db.psaConnection.findUnique({ where: { accountId: tenant.accountId } }))! as Record<string, unknown>;
    expect(plain.publicKeyEncrypted).toBeUndefined();
    expect(plain.privateKeyEncrypted).toBeUndefined();
  });

  it("is an admin's too, and a trailing slash on the site is dropped", async () => {
    const response = await put(tenant.admin.id, bodyFor({ site_url: `${sim().url}/` }));
    expect(response.status).toBe(200);
    expect((await readSecretFree(response)).connection?.site_url).toBe(sim().url);
  });

  it.each([
    ["http on a public host", "http://api-na.myconnectwise.net"],
    ["the cloud metadata address", "https://169.254.169.254"],
    ["the cloud metadata address over http", "http://169.254.169.254/latest/meta-data"],
    ["localhost when not allow-listed", "https://localhost:8443"],
    ["a private address", "https://10.0.0.5"],
    ["a user name in the URL", "https://admin:secret@api-na.myconnectwise.net"],
    ["something that is not a URL", "https://"],
  ])("refuses %s with 422 and writes nothing", async (_label, siteUrl) => {
    const response = await put(tenant.owner.id, bodyFor({ site_url: siteUrl }));
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(error.code).toBe("invalid");
    // The issue names the field for programs; the message stays a sentence for people.
    expect(error.issues).toContainEqual(expect.objectContaining({ path: "site_url" }));
    expect(error.message).toMatch(/^The ConnectWise site|^Enter the ConnectWise site/);
    expect(await db.psaConnection.count({ where: { accountId: tenant.accountId } })).toBe(0);
  });

  it("refuses a bad site over an existing connection and leaves it as it was", async () => {
    expect((await put(tenant.owner.id, bodyFor())).status).toBe(200);
    const before = await sealedRow(tenant.accountId);
    const response = await put(tenant.owner.id, bodyFor({ site_url: "https://169.254.169.254", public_key: "AnotherPublic9" }));
    expect(response.status).toBe(422);
    expect(await sealedRow(tenant.accountId)).toEqual(before);
  });

  it("says which field is missing, and needs both keys to create a connection", async () => {
    const missing = await put(tenant.owner.id, { provider: "connectwise", site_url: sim().url, company_id: " ", client_id: "x" });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain("Enter the ConnectWise company id");

    const noKeys = await put(tenant.owner.id, bodyFor({ public_key: "", private_key: undefined }));
    expect(noKeys.status).toBe(422);
    expect(((await noKeys.json()) as { error: { message: string } }).error.message).toBe("Enter the public API key: there is no stored key to keep yet.");
    expect(await db.psaConnection.count({ where: { accountId: tenant.accountId } })).toBe(0);

    const otherProvider = await put(tenant.owner.id, bodyFor({ provider: "autotask" }));
    expect(otherProvider.status).toBe(422);
  });

  it("keeps the stored keys when an update leaves them blank, and clears the test result only when the credentials change", async () => {
    await put(tenant.owner.id, bodyFor());
    expect((await runTest(tenant.owner.id)).status).toBe(200);
    const tested = (await sealedRow(tenant.accountId))!;
    expect(tested.lastTestOk).toBe(true);

    // The same values again (keys left out): nothing the PSA sees changed, so the result stands.
    const same = await put(tenant.owner.id, bodyFor({ public_key: undefined, private_key: "" }));
    expect(same.status).toBe(200);
    const kept = (await sealedRow(tenant.accountId))!;
    expect(kept.publicKeyEncrypted).toBe(tested.publicKeyEncrypted);
    expect(kept.privateKeyEncrypted).toBe(tested.privateKeyEncrypted);
    expect(kept.lastTestOk).toBe(true);

    const replaced = await put(tenant.owner.id, bodyFor({ public_key: undefined, private_key: "ANewPrivateKey42" }));
    const { connection } = await readSecretFree(replaced);
    expect(connection).toMatchObject({ public_key_last4: sim().credentials.publicKey.slice(-4), private_key_last4: "ey42", last_test_ok: null, last_tested_at: null, last_test_message: null });
    expect(openSecret((await sealedRow(tenant.accountId))!.privateKeyEncrypted)).toBe("ANewPrivateKey42");
  });

  it("forgets everyone's member mapping when the site or company changes", async () => {
    await put(tenant.owner.id, bodyFor());
    await db.user.update({ where: { id: tenant.engineer.id }, data: { psaMemberId: "176", psaMemberIdentifier: "jjunior", psaMemberOverride: true } });
    await put(tenant.owner.id, bodyFor({ client_id: "another-client-id" }));
    expect((await db.user.findUniqueOrThrow({ where: { id: tenant.engineer.id } })).psaMemberId).toBe("176");
    await put(tenant.owner.id, bodyFor({ company_id: "another_company" }));
    expect(await db.user.findUniqueOrThrow({ where: { id: tenant.engineer.id } })).toMatchObject({ psaMemberId: null, psaMemberIdentifier: null, psaMemberOverride: false });
  });
});

describe("GET /api/v1/psa/connection", () => {
  it("answers { connection: null } before anything is connected", async () => {
    const response = await get(tenant.owner.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ connection: null });
  });

  it("shows the keys as their last 4 characters only", async () => {
    await connectAccountToSimulator(tenant.accountId, sim());
    const { connection } = await readSecretFree(await get(tenant.admin.id));
    const { publicKey, privateKey } = sim().credentials;
    expect(connection).toMatchObject({ public_key_last4: publicKey.slice(-4), private_key_last4: privateKey.slice(-4) });
    expect(Object.keys(connection!).sort()).toEqual(
      ["client_id", "company_id", "is_active", "keys_readable", "last_test_message", "last_test_ok", "last_tested_at", "private_key_last4", "provider", "public_key_last4", "site_url", "updated_at"].sort(),
    );
  });

  it("keeps working, without the last 4, when the stored keys can't be decrypted", async () => {
    await connectAccountToSimulator(tenant.accountId, sim());
    await db.psaConnection.update({ where: { accountId: tenant.accountId }, data: { privateKeyEncrypted: "v1.broken.broken.broken" } });
    const { connection } = (await (await get(tenant.owner.id)).json()) as ConnectionBody;
    expect(connection).toMatchObject({ private_key_last4: null, keys_readable: false });
  });
});

describe("POST /api/v1/psa/connection/test", () => {
  it("records a working connection with ConnectWise's answer", async () => {
    await put(tenant.owner.id, bodyFor());
    const response = await runTest(tenant.owner.id);
    expect(response.status).toBe(200);
    const { connection } = await readSecretFree(response);
    expect(connection).toMatchObject({ last_test_ok: true });
    expect(connection?.last_test_message).toMatch(/^ConnectWise v2025\.1\.\d+ answered at 127\.0\.0\.1:\d+/);
    const row = (await sealedRow(tenant.accountId))!;
    expect(row.lastTestOk).toBe(true);
    expect(row.lastTestedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(row.lastTestMessage).toBe(connection?.last_test_message);
  });

  it("records a refused key as a failed test with ConnectWise's own message (still a 200)", async () => {
    await connectAccountToSimulator(tenant.accountId, sim(), { privateKey: "WrongPrivateKey-123" });
    const response = await runTest(tenant.admin.id);
    expect(response.status).toBe(200);
    const { connection } = (await response.json()) as ConnectionBody;
    expect(connection).toMatchObject({ last_test_ok: false });
    expect(connection?.last_test_message).toContain("ConnectWise refused the API keys (401");
    expect(connection?.last_test_message).toContain("the company, public key or private key is not valid");
    expect(connection?.last_test_message).not.toContain("WrongPrivateKey-123");
    const row = (await sealedRow(tenant.accountId))!;
    expect(row).toMatchObject({ lastTestOk: false, lastTestMessage: connection?.last_test_message });
    expect(row.lastTestedAt).not.toBeNull();
  });

  it("records a PSA outage as a failed test with its status", async () => {
    await connectAccountToSimulator(tenant.accountId, sim());
    sim().setTraps({ failNext: { count: 10, status: 503 } });
    try {
      const { connection } = (await (await runTest(tenant.owner.id)).json()) as ConnectionBody;
      expect(connection).toMatchObject({ last_test_ok: false });
      expect(connection?.last_test_message).toContain("503");
    } finally {
      sim().resetTraps();
    }
  });

  it("is a 409 saying what to do when nothing is connected", async () => {
    const response = await runTest(tenant.owner.id);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("Settings → PSA");
  });
});

describe("DELETE /api/v1/psa/connection", () => {
  it("removes the connection and the member mappings, and is idempotent", async () => {
    await put(tenant.owner.id, bodyFor());
    await db.user.update({ where: { id: tenant.engineer.id }, data: { psaMemberId: "176", psaMemberIdentifier: "jjunior" } });
    const response = await remove(tenant.admin.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ connection: null });
    expect(await db.psaConnection.count({ where: { accountId: tenant.accountId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: tenant.engineer.id } })).psaMemberId).toBeNull();
    expect(await (await get(tenant.owner.id)).json()).toEqual({ connection: null });
    expect((await remove(tenant.owner.id)).status).toBe(200);
  });
});

describe("the audit trail of the connection", () => {
  const eventsOf = (accountId: string) =>
    db.auditEvent.findMany({ where: { accountId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, targetType: true, targetId: true, before: true, after: true } });

  it("records a save with before and after, keys as their last 4 only, and nothing for a save that changes nothing", async () => {
    const { url, credentials } = sim();
    await put(tenant.owner.id, bodyFor());
    await put(tenant.owner.id, bodyFor({ public_key: undefined, private_key: "" }));
    await put(tenant.admin.id, bodyFor({ client_id: "another-client-id", public_key: undefined, private_key: "ANewPrivateKey42" }));

    const snapshot = { site_url: url, company_id: credentials.companyId, client_id: credentials.clientId, is_active: true, public_key_last4: credentials.publicKey.slice(-4), private_key_last4: credentials.privateKey.slice(-4) };
    expect(await eventsOf(tenant.accountId)).toEqual([
      { action: "psa.connection_saved", actorId: tenant.owner.id, targetType: "psa_connection", targetId: "connectwise", before: null, after: snapshot },
      {
        action: "psa.connection_saved",
        actorId: tenant.admin.id,
        targetType: "psa_connection",
        targetId: "connectwise",
        before: snapshot,
        after: { ...snapshot, client_id: "another-client-id", private_key_last4: "ey42" },
      },
    ]);
    const written = JSON.stringify(await db.auditEvent.findMany({ where: { accountId: tenant.accountId } }));
    for (const key of [credentials.publicKey, credentials.privateKey, "ANewPrivateKey42"]) expect(written).not.toContain(key);
  });

  it("records a delete with what was removed, and nothing for deleting nothing", async () => {
    await remove(tenant.owner.id);
    expect(await eventsOf(tenant.accountId)).toEqual([]);
    await put(tenant.owner.id, bodyFor());
    await remove(tenant.admin.id);
    const events = await eventsOf(tenant.accountId);
    expect(events.map((event) => event.action)).toEqual(["psa.connection_saved", "psa.connection_deleted"]);
    expect(events[1]).toEqual({ action: "psa.connection_deleted", actorId: tenant.admin.id, targetType: "psa_connection", targetId: "connectwise", before: events[0]!.after, after: null });
  });

  it("records nothing for a refused save", async () => {
    await put(tenant.owner.id, bodyFor());
    expect((await put(tenant.owner.id, bodyFor({ site_url: "https://169.254.169.254" }))).status).toBe(422);
    expect((await put(tenant.engineer.id, bodyFor({ client_id: "taken-over" }))).status).toBe(403);
    expect((await remove(tenant.viewer.id)).status).toBe(403);
    expect((await eventsOf(tenant.accountId)).map((event) => event.action)).toEqual(["psa.connection_saved"]);
  });
});

describe("who may touch the connection", () => {
  it.each(["viewer", "engineer"] as const)("refuses a%s with 403 and changes nothing", async (role) => {
    await connectAccountToSimulator(tenant.accountId, sim());
    const before = await sealedRow(tenant.accountId);
    const as = tenant[role].id;
    for (const response of [await get(as), await put(as, bodyFor({ client_id: "taken-over" })), await runTest(as), await remove(as)]) {
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect(await sealedRow(tenant.accountId)).toEqual(before);
  });

  it("keeps tenants apart: B sees, tests, replaces and deletes only its own connection", async () => {
    const other = await createTenant("PSA other");
    await put(tenant.owner.id, bodyFor());
    const before = await sealedRow(tenant.accountId);

    expect(await (await get(other.owner.id)).json()).toEqual({ connection: null });
    expect((await runTest(other.owner.id)).status).toBe(409);
    expect((await remove(other.owner.id)).status).toBe(200);
    const created = await put(other.owner.id, bodyFor({ company_id: "other_company", public_key: "OtherPublicKey1", private_key: "OtherPrivateKey2" }));
    expect(((await created.json()) as ConnectionBody).connection).toMatchObject({ company_id: "other_company", private_key_last4: "Key2" });

    expect(await sealedRow(tenant.accountId)).toEqual(before);
    expect(((await (await get(tenant.owner.id)).json()) as ConnectionBody).connection).toMatchObject({ company_id: sim().credentials.companyId });
    // B's keys are wrong for this simulator: its test fails on its own row only.
    expect(((await (await runTest(other.owner.id)).json()) as ConnectionBody).connection).toMatchObject({ last_test_ok: false });
    expect((await sealedRow(tenant.accountId))!.lastTestOk).toBeNull();
  });
});
