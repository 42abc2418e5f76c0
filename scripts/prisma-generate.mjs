// postinstall: generate the Prisma client. The CLI insists on a DATABASE_URL to read the schema's
// datasource even though generating connects to nothing, so give it a placeholder when unset.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.DATABASE_URL ||= "postgresql://placeholder@127.0.0.1:5432/placeholder";
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
