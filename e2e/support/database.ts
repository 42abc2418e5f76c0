import path from "node:path";
import { Client } from "pg";
import { DEV_DATABASE, embeddedServerUrl, rememberedEmbeddedPort } from "../../scripts/lib/embedded-database-url";

/** The e2e app's database: DATABASE_URL under `npm test`; run alone, the dev embedded one `npm start` used. */
function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const embeddedPort = rememberedEmbeddedPort(path.join(__dirname, "..", "..", ".data"));
  if (!embeddedPort) throw new Error("Set DATABASE_URL to the e2e app's database (npm test does), or run `npm start` once so .data/pg-port exists.");
  return `${embeddedServerUrl(embeddedPort)}/${DEV_DATABASE}`;
}

/**
 * Runs `body` with a client on the e2e app's database as its owner (outside row-level security),
 * for rows no page or API would write, such as mail no template would build.
 */
export async function withDatabase<T>(body: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}
