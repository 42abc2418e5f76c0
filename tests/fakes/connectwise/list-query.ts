/**
 * One list answer for any collection: conditions → orderBy → paging → fields, as ConnectWise
 * applies them. `/search` passes its body's conditions/orderBy instead of the query string's.
 */
import { compileConditions } from "./conditions-eval";
import { conditionsError } from "./conditions-lexer";
import { readField, resolveField, type EntitySpec } from "./field-specs";
import { CwHttpError, ok, type SimRequest, type SimResponse } from "./http";
import { assertOrderAllowed, pageRows } from "./paging";
import type { Json } from "./serialize";

export type ListSource = { conditions: string | null; orderBy: string | null };

/** Where the filters come from: the query string, or a `/search` body. */
export function listSource(request: SimRequest, fromBody = false): ListSource {
  if (!fromBody) return { conditions: request.query.get("conditions"), orderBy: request.query.get("orderBy") };
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (typeof body !== "object" || Array.isArray(body)) throw new CwHttpError(400, "InvalidObject", "The search body must be a JSON object.");
  const text = (value: unknown, name: string) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") throw new CwHttpError(400, "InvalidObject", `${name} must be a string.`);
    return value;
  };
  return { conditions: text(body.conditions, "conditions"), orderBy: text(body.orderBy, "orderBy") };
}

/** Filters and orders `rows` (no paging): what `/count` counts and a list pages over. */
export function selectRows(rows: Json[], spec: EntitySpec, source: ListSource): Json[] {
  const keep = compileConditions(source.conditions, spec);
  const selected = rows.filter(keep);
  return sortRows(selected, spec, source.orderBy);
}

export function answerList(request: SimRequest, rows: Json[], spec: EntitySpec, source: ListSource = listSource(request)): SimResponse {
  assertOrderAllowed(request, source.orderBy);
  const selected = selectRows(rows, spec, source);
  const { rows: page, link } = pageRows(request, selected);
  const projected = projectRows(page, spec, request.query.get("fields"));
  return ok(projected, link ? { link } : undefined);
}

export function answerCount(rows: Json[], spec: EntitySpec, source: ListSource): SimResponse {
  return ok({ count: selectRows(rows, spec, source).length });
}

/** `orderBy=summary desc, id asc`; default by id ascending. */
function sortRows(rows: Json[], spec: EntitySpec, orderBy: string | null): Json[] {
  const keys = (orderBy?.trim() ? orderBy.split(",") : ["id asc"]).map((part) => {
    const match = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) throw new CwHttpError(400, "InvalidObject", `orderBy '${part.trim()}' is invalid; use "field asc" or "field desc".`);
    const field = resolveField(spec, match[1]!);
    if (!field) throw conditionsError(`Cannot find the field '${match[1]}' on ${spec.name} for orderBy.`);
    return { keys: field.keys, direction: match[2]?.toLowerCase() === "desc" ? -1 : 1 };
  });
  return [...rows].sort((a, b) => {
    for (const key of keys) {
      const order = compareValues(readField(a, key.keys), readField(b, key.keys));
      if (order !== 0) return order * key.direction;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null) return -1; // SQL Server sorts nulls first ascending.
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { sensitivity: "base" });
}

/** `fields=id,summary,status/name,_info`; `_info` only when listed; unknown names → 400. */
export function projectRows(rows: Json[], spec: EntitySpec, fields: string | null): Json[] {
  if (!fields?.trim()) return rows;
  const paths = fields.split(",").map((field) => field.trim()).filter(Boolean);
  for (const path of paths) {
    if (path.toLowerCase() === "_info") continue;
    if (!resolveField(spec, path, { aliases: false }) && !isReference(spec, path)) throw new CwHttpError(400, "InvalidObject", `The field '${path}' is not a valid field for ${spec.name}.`);
  }
  return rows.map((row) => {
    const out: Json = {};
    for (const path of paths) copyPath(row, out, path);
    return out;
  });
}

function isReference(spec: EntitySpec, path: string): boolean {
  const key = Object.keys(spec.fields).find((candidate) => candidate.toLowerCase() === path.toLowerCase());
  return key !== undefined && typeof spec.fields[key] === "object";
}

function copyPath(from: Json, to: Json, path: string) {
  const segments = path.split("/");
  let source: unknown = from;
  let target: Json = to;
  segments.forEach((segment, index) => {
    if (source === null || typeof source !== "object") return;
    const record = source as Json;
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === segment.toLowerCase());
    if (!key) return;
    if (index === segments.length - 1) {
      target[key] = record[key];
      return;
    }
    if (record[key] === null) {
      target[key] = null;
      source = null;
      return;
    }
    target[key] = (target[key] as Json | undefined) ?? {};
    target = target[key] as Json;
    source = record[key];
  });
}
