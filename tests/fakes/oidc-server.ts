/**
 * The fake Microsoft Entra ID (tests/fakes/oidc/provider.ts) as its own process, for end-to-end
 * runs and trying Entra sign-in by hand:
 *
 *   npx tsx tests/fakes/oidc-server.ts --port 4330 \
 *     --redirect-uri http://localhost:3000/api/auth/callback/microsoft-entra-id --ca-file /tmp/fake-entra.pem
 *
 * then start the app with the printed AUTH_MICROSOFT_ENTRA_ID_ID/_SECRET/_ISSUER and
 * NODE_EXTRA_CA_CERTS=/tmp/fake-entra.pem (the fake speaks HTTPS with a fresh self-signed
 * certificate, which --ca-file writes out). `--redirect-uri` may be repeated. Health:
 * GET /_fake/health. Listens on loopback only; SIGTERM/SIGINT stop it.
 */
import { writeFileSync } from "node:fs";
import { startFakeEntra } from "./oidc/provider";
import { runIfMain, stopOnSignals } from "./run-as-process";

function optionValues(argv: string[], name: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, index) => {
    if (arg === name && argv[index + 1]) values.push(argv[index + 1]!);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

function parsePort(raw: string | undefined): number {
  const port = Number(raw ?? "0");
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port needs a port number, got ${raw}`);
  return port;
}

async function main() {
  const argv = process.argv.slice(2);
  const redirectUris = optionValues(argv, "--redirect-uri");
  if (redirectUris.length === 0) throw new Error("Pass the app's callback URL: --redirect-uri <APP_URL>/api/auth/callback/microsoft-entra-id");
  const fake = await startFakeEntra({ port: parsePort(optionValues(argv, "--port")[0]), redirectUris });
  const caFile = optionValues(argv, "--ca-file")[0];
  if (caFile) writeFileSync(caFile, fake.certificate);
  console.log(
    [
      `Fake Microsoft Entra ID on ${fake.url}`,
      `  AUTH_MICROSOFT_ENTRA_ID_ISSUER=${fake.issuer}`,
      `  AUTH_MICROSOFT_ENTRA_ID_ID=${fake.clientId}`,
      `  AUTH_MICROSOFT_ENTRA_ID_SECRET=${fake.clientSecret}`,
      caFile ? `  NODE_EXTRA_CA_CERTS=${caFile}` : "  (pass --ca-file to write out its certificate)",
    ].join("\n"),
  );
  stopOnSignals("Fake Entra", () => fake.close());
}

runIfMain(__filename, main);
