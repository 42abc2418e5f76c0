/**
 * The keys the simulator accepts. The defaults are fixed so `npm run dev` and the e2e seed can
 * configure the demo tenant without reading anything from the simulator first.
 */
export type SimCredentials = { companyId: string; publicKey: string; privateKey: string; clientId: string };

export const DEMO_SIMULATOR_CREDENTIALS: SimCredentials = Object.freeze({
  companyId: "demo_msp",
  publicKey: "SimPublicKeyDemo01",
  privateKey: "SimPrivateKeyDemo9f3c2a71",
  clientId: "5c3b7f0e-2d1a-4e8b-9c6d-0f1e2a3b4c5d",
});

/** The member the API key belongs to: stamped on notes and on closed tickets it closes. */
export const SIM_API_MEMBER = Object.freeze({ id: 900, identifier: "flowpilot-api", name: "FlowPilot API" });
