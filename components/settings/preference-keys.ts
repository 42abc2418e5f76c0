import type { AccountPreferences } from "@/lib/accounts/schemas";

type KeysOfType<T> = { [K in keyof AccountPreferences]: AccountPreferences[K] extends T ? K : never }[keyof AccountPreferences];

export type BooleanPreference = KeysOfType<boolean>;
export type NumberPreference = KeysOfType<number | null>;
export type UrlPreference = KeysOfType<string | null>;
