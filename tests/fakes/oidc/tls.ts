import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type SelfSignedCertificate = { cert: string; key: string };

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost, made with the openssl CLI
 * (Node can make keys but not certificates). Entra is HTTPS-only and next-auth's Entra provider
 * re-runs discovery for the token's `tid` without its usual allowance for http, so the fake
 * has to speak TLS; the app trusts this certificate through NODE_EXTRA_CA_CERTS.
 */
export function createSelfSignedCertificate(): SelfSignedCertificate {
  const dir = mkdtempSync(path.join(tmpdir(), "fake-entra-tls-"));
  try {
    const keyPath = path.join(dir, "key.pem");
    const certPath = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
        "-keyout", keyPath, "-out", certPath, "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-addext", "basicConstraints=critical,CA:TRUE",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return { cert: readFileSync(certPath, "utf8"), key: readFileSync(keyPath, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
