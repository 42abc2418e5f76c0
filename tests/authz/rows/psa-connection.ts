import { ownerOrAdminOnly, type MatrixFixture, type MatrixRow } from "@/tests/authz/expectations";
import { connectAccountToSimulator, connectionBodyFor } from "@/tests/helpers/psa";

/**
 * Puts both tenants' connections back on their own simulators. The PUT and DELETE rows send one
 * body for every persona, so B's owner writes B's row with A's site, and admins delete
 * connections: each call starts from the fixture's connections, and so does every row after.
 */
async function reconnectBoth(f: MatrixFixture): Promise<void> {
  await connectAccountToSimulator(f.a.accountId, f.psa.a.sim);
  await connectAccountToSimulator(f.b.accountId, f.psa.b.sim);
}

// Connection settings are owner/admin (SPEC A3); B's owner reaches only B's own connection.
export const rows: Record<string, MatrixRow> = {
  "GET /api/v1/psa/connection": { expect: ownerOrAdminOnly(200) },
  "PUT /api/v1/psa/connection": {
    request: async (f) => {
      await reconnectBoth(f);
      // Tenant A's own simulator settings: a real replacement (keys re-sealed, test result cleared), harmless for A.
      return { body: connectionBodyFor(f.psa.a.sim) };
    },
    expect: ownerOrAdminOnly(200),
  },
  "DELETE /api/v1/psa/connection": {
    request: async (f) => {
      await reconnectBoth(f);
      return {};
    },
    expect: ownerOrAdminOnly(200),
  },
  "POST /api/v1/psa/connection/test": { expect: ownerOrAdminOnly(200) },
};
