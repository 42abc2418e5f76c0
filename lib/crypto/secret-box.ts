import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { unavailable } from "@/lib/errors";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";

/**
 * The 256-bit key: SHA-256 of PSA_ENCRYPTION_KEY (named for its first use; it seals every secret
 * at rest: PSA keys and sensitive script values), so any long random string works as the setting.
 */
function encryptionKey(): Buffer {
  const secret = env.PSA_ENCRYPTION_KEY;
  if (!secret) throw unavailable("PSA_ENCRYPTION_KEY is not set, so secrets (PSA keys, sensitive script values) can't be stored or read.");
  return createHash("sha256").update(secret, "utf8").digest();
}

/** Encrypts a secret for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url parts, fresh IV each time. */
export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Decrypts what `sealSecret` wrote. Throws unavailable when the key changed or the value was tampered with. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw unavailable("A stored PSA secret is unreadable; enter the keys again in Settings → PSA.");
  try {
    const decipher = createDecipheriv(ALGORITHM, encryptionKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw unavailable("The stored PSA keys can't be decrypted with the current PSA_ENCRYPTION_KEY; enter them again in Settings → PSA.");
  }
}

/** How a PSA key is shown once stored: its last 4 characters only. */
export const lastFour = (secret: string) => `••••${secret.slice(-4)}`;
