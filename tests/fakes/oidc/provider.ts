/**
 * A local stand-in for Microsoft Entra ID's v2.0 endpoint, built on oidc-provider, over HTTPS
 * with a self-signed certificate (tls.ts says why). What matches Entra where FlowPilot cares:
 *
 * - the issuer is `https://<host>/<tenant-id>/v2.0`, found by OIDC discovery under it;
 * - the authorization-code flow with a client secret (client_secret_basic), PKCE, state, nonce;
 * - the id token carries `oid`, `tid`, `name`, `preferred_username` (the UPN), `ver: "2.0"` and,
 *   unless the login leaves it out, `email`; `sub` is pairwise (per app);
 * - no consent screen (an admin-consented app), and the Graph scope `User.Read` is accepted.
 *
 * Its sign-in page (login-page.ts) takes any email: who may use FlowPilot is the app's decision.
 * Also served: `GET /_fake/health` and `GET /_fake/logins` (the claims of each sign-in, oldest first).
 */
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { KoaContextWithOIDC, Provider } from "oidc-provider";
import { AccountDirectory, type EntraClaims } from "./accounts";
import { FAKE_ENTRA_CLIENT_ID, FAKE_ENTRA_CLIENT_SECRET, FAKE_ENTRA_TENANT_ID } from "./constants";
import { renderLoginPage } from "./login-page";
import { createSelfSignedCertificate } from "./tls";


export type FakeEntraOptions = {
  /** 0 (default): any free port. */
  port?: number;
  /** The app's callback URLs, e.g. `${APP_URL}/api/auth/callback/microsoft-entra-id`. */
  redirectUris: string[];
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
};

export type FakeEntra = {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** `https://127.0.0.1:<port>/<tenant-id>/v2.0`, what AUTH_MICROSOFT_ENTRA_ID_ISSUER is set to. */
  issuer: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The PEM certificate the server presents; trust it (NODE_EXTRA_CA_CERTS, or `ca`) to call it. */
  certificate: string;
  /** The claims of each completed sign-in, oldest first. */
  logins: EntraClaims[];
  close(): Promise<void>;
};

const MAX_FORM_BYTES = 16 * 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Starts the fake on 127.0.0.1. */
export async function startFakeEntra(options: FakeEntraOptions): Promise<FakeEntra> {
  const tenantId = options.tenantId ?? FAKE_ENTRA_TENANT_ID;
  const clientId = options.clientId ?? FAKE_ENTRA_CLIENT_ID;
  const clientSecret = options.clientSecret ?? FAKE_ENTRA_CLIENT_SECRET;
  const prefix = `/${tenantId}/v2.0`;
  const directory = new AccountDirectory({ tenantId, clientId });
  const logins: EntraClaims[] = [];
  const tls = createSelfSignedCertificate();
  const started: { provider?: Provider } = {};

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const provider = started.provider;
    if (!provider) return sendText(response, 503, "Starting.");
    const { pathname } = new URL(request.url ?? "/", "https://fake");
    if (pathname === "/_fake/health") return sendJson(response, 200, { ok: true, issuer: provider.issuer });
    if (pathname === "/_fake/logins") return sendJson(response, 200, { logins });
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      // Mounted like Express does it: oidc-provider finds its mount path from originalUrl.
      Object.assign(request, { originalUrl: request.url });
      request.url = request.url!.slice(prefix.length) || "/";
      return provider.callback()(request, response);
    }
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(pathname);
    if (!interaction) return sendText(response, 404, `No route ${request.method} ${pathname}.`);
    const [, uid, login] = interaction;
    const details = await provider.interactionDetails(request, response);
    if (details.uid !== uid) return sendText(response, 400, "This sign-in page belongs to another sign-in; start again.");
    const action = `/interaction/${uid}/login`;
    if (request.method === "GET" && !login) {
      return sendHtml(response, 200, renderLoginPage({ action, clientId: String(details.params.client_id ?? "") }));
    }
    if (request.method !== "POST" || !login) return sendText(response, 405, "Method not allowed.");
    const form = new URLSearchParams(await readBody(request));
    const email = (form.get("email") ?? "").trim();
    if (!EMAIL.test(email)) {
      const page = renderLoginPage({ action, clientId, email, error: "Enter an email address, like name@contoso.com." });
      return sendHtml(response, 400, page);
    }
    const claims = directory.signIn({ email, name: form.get("name") ?? undefined, omitEmail: form.get("omit_email") === "1" });
    logins.push(claims);
    await provider.interactionFinished(request, response, { login: { accountId: claims.sub } }, { mergeWithLastSubmission: false });
  };

  const server = createServer({ cert: tls.cert, key: tls.key }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (!response.headersSent) sendText(response, /SessionNotFound/.test(message) ? 400 : 500, message);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${url}${prefix}`;
  started.provider = await createProvider({ issuer, clientId, clientSecret, redirectUris: options.redirectUris, directory });

  return {
    url,
    issuer,
    tenantId,
    clientId,
    clientSecret,
    certificate: tls.cert,
    logins,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function createProvider(options: {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  directory: AccountDirectory;
}): Promise<Provider> {
  // oidc-provider is ESM-only; a dynamic import loads it from the CommonJS build tsx makes of this file.
  const { default: OidcProvider } = await import("oidc-provider");
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  return new OidcProvider(options.issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "profile", "email", "offline_access", "User.Read"],
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "oid", "tid", "ver"], email: ["email"] },
    // Entra puts the profile claims in the id token itself, which is where next-auth reads them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount(_ctx, sub) {
      const claims = options.directory.find(sub);
      return claims && { accountId: sub, claims: () => ({ ...claims }) };
    },
    loadExistingGrant: (ctx) => grantEverything(ctx),
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    renderError(ctx, out) {
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = Object.entries(out).map(([key, value]) => `${key}: ${value}`).join("\n");
    },
  });
}

/** The app is consented for the whole tenant, as FlowPilot's registration would be: no consent prompt. */
async function grantEverything(ctx: KoaContextWithOIDC) {
  const { provider, client, session, result } = ctx.oidc;
  const existing = result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
  if (existing) return provider.Grant.find(existing);
  if (!client || !session?.accountId) return undefined;
  const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope("openid profile email offline_access User.Read");
  await grant.save();
  return grant;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("The form is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function sendHtml(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
}
