/**
 * The authorization matrix: every row file under `tests/authz/rows/` merged into one table.
 * The format of a row, the personas and the fixture are documented in `expectations.ts`.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { MatrixRow } from "@/tests/authz/expectations";

export * from "@/tests/authz/expectations";

const rowsDir = fileURLToPath(new URL("./rows/", import.meta.url));
const rowFiles = readdirSync(rowsDir).filter((file) => file.endsWith(".ts")).sort();

async function loadRows(): Promise<Record<string, MatrixRow>> {
  const merged: Record<string, MatrixRow> = {};
  for (const file of rowFiles) {
    const { rows } = (await import(`${rowsDir}${file}`)) as { rows: Record<string, MatrixRow> };
    for (const [key, row] of Object.entries(rows)) {
      if (key in merged) throw new Error(`tests/authz/rows/${file}: "${key}" already has a row in another file`);
      merged[key] = row;
    }
  }
  return merged;
}

export const matrix = await loadRows();
