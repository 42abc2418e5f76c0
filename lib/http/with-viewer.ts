import { z } from "zod";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import type { Guard } from "@/lib/auth/roles";
import { readSignedInIdentity } from "@/lib/auth/read-signed-in-identity";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { readJsonObject } from "@/lib/http/read-json-body";
import { rejectCrossSiteMutation } from "@/lib/http/same-origin";
import { refuseUnsafeText } from "@/lib/http/unsafe-text";
import { runInTenantScope } from "@/lib/tenancy/scope";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<I> = (viewer: Viewer, input: I, request: Request) => Promise<unknown> | unknown;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Wraps a route handler: refuses cross-site mutations, authenticates from the session cookie,
 * applies the role `guard`, parses params + query (reads) or params + UTF-8 JSON body (writes) with
 * `schema` after refusing any string or key holding U+0000 or a lone surrogate (422 naming the
 * field), and maps thrown AppErrors to `{ error: { code, message } }` responses.
 */
export function withViewer<S extends z.ZodType>(guard: Guard, schema: S, handler: Handler<z.infer<S>>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      rejectCrossSiteMutation(request);
      const { viewer, input } = await viewerAndInput(request, guard, schema, async () => ({ ...(await readPayload(request)), ...(await context.params) }));
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

/**
 * Who is asking and what they ask, checked as every route checks them: the session cookie and
 * `guard` first, then the payload (params and query or body): unsafe text refused (422 naming the
 * field), then `schema`. Also used by server.ts's own escalation stream (lib/http/node-escalation-stream.ts).
 */
export async function viewerAndInput<S extends z.ZodType>(
  request: { headers: Headers },
  guard: Guard,
  schema: S,
  readInput: () => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<{ viewer: Viewer; input: z.infer<S> }> {
  const viewer = await loadViewer(await readSignedInIdentity(request), guard);
  const payload = await readInput();
  refuseUnsafeText(payload);
  return { viewer, input: schema.parse(payload) };
}

async function readPayload(request: Request): Promise<Record<string, unknown>> {
  if (READ_METHODS.has(request.method)) return Object.fromEntries(new URL(request.url).searchParams);
  return readJsonObject(request);
}
