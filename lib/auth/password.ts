import { hash, verify } from "@node-rs/argon2";

/** Hashes a password with argon2id (the library's defaults follow OWASP guidance). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Constant-time check of `password` against an argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
