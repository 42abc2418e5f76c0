import type { PsaProviderKind } from "@/lib/psa/provider";

/** Everything a provider needs to talk to one account's PSA, secrets decrypted. Never logged or returned. */
export type PsaConnectionConfig = {
  provider: PsaProviderKind;
  siteUrl: string;
  companyId: string;
  publicKey: string;
  privateKey: string;
  clientId: string;
};

/** Test and tuning seams for the outbound client; production uses the defaults. */
export type PsaClientOptions = {
  /** OUTBOUND_ALLOW_HOSTS by default: hosts that may be http and on loopback (tests only). */
  allowHosts?: readonly string[];
  /** Per-request timeout, 15 s by default. */
  timeoutMs?: number;
};
