import type { PsaClientOptions, PsaConnectionConfig } from "@/lib/psa/connection-config";
import { createConnectWiseProvider } from "@/lib/psa/connectwise/connectwise-provider";
import type { PsaProvider } from "@/lib/psa/provider";

/** The provider for a connection's kind; the one place that knows which PSAs exist. */
export function createPsaProvider(config: PsaConnectionConfig, options: PsaClientOptions = {}): PsaProvider {
  switch (config.provider) {
    case "connectwise":
      return createConnectWiseProvider(config, options);
  }
}
