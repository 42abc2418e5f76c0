import type { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A list's URL state as the query string spells it; a missing key means its default. */
export type ListState = Record<string, string>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Reads a list page's `searchParams` with the list route's own zod schema, one field at a time:
 * a bad value (`?page=abc`, `?status=closed`) is dropped and its default applies, so a hand-edited
 * or stale URL shows the list instead of an error.
 */
export function parseListParams<S extends z.ZodObject>(schema: S, raw: RawSearchParams): z.infer<S> {
  const accepted: Record<string, string | undefined> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = first(raw[key]);
    accepted[key] = value !== undefined && field.safeParse(value).success ? value : undefined;
  }
  return schema.parse(accepted);
}

/** The URL state of parsed list params: strings, without empty values or those equal to `defaults`. */
export function toListState(params: Record<string, string | number | undefined>, defaults: ListState = {}): ListState {
  const state: ListState = {};
  for (const [key, value] of Object.entries(params)) {
    const text = value === undefined ? "" : String(value);
    if (text !== "" && text !== defaults[key]) state[key] = text;
  }
  return state;
}

/** `basePath` with `state` as its query string, in a stable order, leaving out defaults. */
export function listHref(basePath: string, state: ListState, defaults: ListState = {}): string {
  const query = new URLSearchParams(Object.entries(toListState(state, defaults))).toString();
  return query ? `${basePath}?${query}` : basePath;
}
