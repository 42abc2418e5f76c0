import type { NextRequest } from "next/server";

/**
 * The request as the browser addressed it. Next normalizes a loopback host in a request's URL to
 * `localhost`, while Auth.js builds the OAuth redirect_uri of a sign-in from the Host header; at
 * http://127.0.0.1 the callback then presents another redirect_uri to the token endpoint and
 * Microsoft refuses it. So Auth.js gets a plain Request whose URL is rebuilt from the same headers
 * (trusted as `trustHost` trusts them).
 */
export function withRequestOrigin(request: NextRequest): NextRequest {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const url = new URL(request.url);
  const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  const origin = `${protocol}://${host}`;
  if (origin === url.origin) return request;
  const rebuilt = `${origin}${url.pathname}${url.search}`;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : request.body;
  // Auth.js reads only the URL, method, headers and body; a plain Request keeps the host as given.
  return new Request(rebuilt, { method: request.method, headers: request.headers, body, duplex: "half" } as RequestInit) as NextRequest;
}
