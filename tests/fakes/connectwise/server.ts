/**
 * Runs the simulator by hand or for `npm run dev`: `npx tsx tests/fakes/connectwise/server.ts --port 4030`.
 * Prints the site URL and the credentials to configure, then serves until SIGTERM / SIGINT.
 */
import { startConnectWiseSimulator } from "./simulator";

async function main() {
  const index = process.argv.indexOf("--port");
  const port = index >= 0 ? Number(process.argv[index + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${process.argv[index + 1]}`);
  const sim = await startConnectWiseSimulator({ port });
  const { companyId, publicKey, privateKey, clientId } = sim.credentials;
  console.log(`ConnectWise simulator at ${sim.url} (company ${companyId}, public key ${publicKey}, private key ${privateKey}, clientId ${clientId})`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
