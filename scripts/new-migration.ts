/**
 * `npm run db:migration -- <name>`: writes the next migration as the SQL difference between the
 * committed schema (HEAD) and the working schema. `prisma migrate dev` needs a shadow database that
 * the driver adapter can't provide, so migrations are authored by diffing schemas instead.
 * Hand-edit the result for what Prisma can't express (partial indexes, check constraints, RLS), and
 * keep `;` out of SQL comments: the migration runner splits statements on it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "./lib/embedded-database";

const name = process.argv[2]?.replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}

async function main() {
  const root = path.resolve(__dirname, "..");
  const committed = path.join(mkdtempSync(path.join(tmpdir(), "flowpilot-schema-")), "schema.prisma");
  writeFileSync(committed, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));

  // The CLI reaches its WASM schema engine through the driver adapter, so it needs a live server.
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase(path.join(root, ".data", "migrations"), { quiet: true });
  const databaseUrl = process.env.DATABASE_URL || `${embedded!.serverUrl}/postgres`;
  const diff = spawnSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", committed, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  await embedded?.stop();
  if (diff.status !== 0) {
    console.error(diff.stderr);
    process.exit(diff.status ?? 1);
  }
  if (!diff.stdout.trim() || diff.stdout.includes("This is an empty migration")) {
    console.log("The schema matches HEAD: no migration written.");
    process.exit(0);
  }

  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
  console.log(`Wrote ${path.relative(root, folder)}/migration.sql — review it, then commit it with the schema.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
