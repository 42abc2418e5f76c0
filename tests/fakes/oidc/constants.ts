/** The fake Entra's tenant and app registration; a GUID tenant, since next-auth rewrites a "common" one. */
export const FAKE_ENTRA_TENANT_ID = "5b3f7c2e-9d41-4a8e-b6f0-2c7d1e9a4f38";
export const FAKE_ENTRA_CLIENT_ID = "0f6c1d2a-7e3b-4c59-8a14-b2e9d5f7c603";
export const FAKE_ENTRA_CLIENT_SECRET = "fake-entra-client-secret";
