/** Percent-encodes like CW's docs (§2.2): spaces as %20, and also ' * ( ) ! which encodeURIComponent leaves. */
export const encodeQueryValue = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

export type QueryValues = Record<string, string | number | boolean | undefined | null>;

/** `a=1&b=x%20y` from the defined values, in insertion order; "" when none. */
export function buildQuery(query: QueryValues = {}): string {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeQueryValue(key)}=${encodeQueryValue(String(value))}`)
    .join("&");
}
