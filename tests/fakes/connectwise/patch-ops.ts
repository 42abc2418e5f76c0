/**
 * JSON-Patch as ConnectWise takes it (§3): an array of `{ op: add|replace|remove, path, value }`.
 * Paths are case sensitive; a leading slash is stripped. A reference may be replaced whole
 * (`status` ← `{ id }`) or through a sub-path (`status/id` ← 105, `owner/identifier` ← "jdoe"),
 * which reaches the same handler as `{ id: 105 }`. `remove` passes null. A path no handler knows
 * (read-only or unknown) is a silent no-op: CW answers 200 and changes nothing.
 */
import { CwHttpError } from "./http";

export type PatchOp = { op: "add" | "replace" | "remove"; path: string; value: unknown };
export type PatchHandlers = Record<string, (value: unknown, op: PatchOp) => void>;

export function readPatchOps(body: unknown): PatchOp[] {
  if (!Array.isArray(body)) throw new CwHttpError(400, "InvalidObject", "The request body must be an array of patch operations: [{ \"op\": \"replace\", \"path\": \"summary\", \"value\": \"…\" }].");
  return body.map((raw, index) => {
    const item = raw as Partial<PatchOp> | null;
    if (!item || typeof item !== "object") throw new CwHttpError(400, "InvalidObject", `Patch operation ${index} must be an object.`);
    const op = typeof item.op === "string" ? item.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove") throw new CwHttpError(400, "InvalidObject", `Patch operation ${index}: op must be add, replace or remove.`);
    if (typeof item.path !== "string" || !item.path.replace(/^\//, "")) throw new CwHttpError(400, "InvalidObject", `Patch operation ${index}: path is required.`);
    return { op, path: item.path.replace(/^\//, ""), value: op === "remove" ? null : item.value };
  });
}

/** Runs each op through its handler; returns the paths nothing handled (the silent no-ops). */
export function applyPatchOps(ops: PatchOp[], handlers: PatchHandlers): string[] {
  const ignored: string[] = [];
  for (const op of ops) {
    const [head, ...rest] = op.path.split("/");
    const handler = Object.hasOwn(handlers, head!) ? handlers[head!] : undefined;
    if (!handler) {
      ignored.push(op.path);
      continue;
    }
    if (rest.length === 0) handler(op.value, op);
    else if (rest.length === 1 && ["id", "identifier", "name"].includes(rest[0]!)) handler(op.value === null ? null : { [rest[0]!]: op.value }, op);
    else ignored.push(op.path);
  }
  return ignored;
}
