import { getToken } from "next-auth/jwt";
import { z } from "zod";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import type { Guard } from "@/lib/auth/roles";
import { sessionCookieName, useSecureCookies } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { rejectCrossSiteMutation } from "@/lib/http/same-origin";
import { runInTenantScope } from "@/lib/tenancy/scope";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<I> = (viewer: Viewer, input: I, request: Request) => Promise<unknown> | unknown;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler: refuses cross-site mutations, authenticates from the session cookie,
 * applies the role `guard`, parses params + query (reads) or params + JSON body (writes) with
 * `schema`, and maps thrown AppErrors to `{ error: { code, message } }` responses.
 */
export function withViewer<S extends z.ZodType>(guard: Guard, schema: S, handler: Handler<z.infer<S>>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      rejectCrossSiteMutation(request);
      const token = await getToken({
        req: request,
        secret: env.AUTH_SECRET,
        secureCookie: useSecureCookies,
        cookieName: sessionCookieName,
        salt: sessionCookieName,
      });
      const viewer = await loadViewer({ userId: token?.sub, accountId: token?.accountId }, guard);
      const input = schema.parse({ ...(await readPayload(request)), ...(await context.params) });
      // Everything the handler does, and the work it leaves running, reads the viewer's rows only.
      const result = await runInTenantScope(viewer.accountId, () => handler(viewer, input, request));
      if (result instanceof Response) return result;
      return Response.json(result ?? null);
    } catch (error) {
      const { status, body } = toErrorResponseParts(error);
      return Response.json(body, { status });
    }
  };
}

async function readPayload(request: Request): Promise<Record<string, unknown>> {
  if (READ_METHODS.has(request.method)) return Object.fromEntries(new URL(request.url).searchParams);
  const text = await request.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid("The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid("The request body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

