import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { guardViewer, loadViewer, readViewerWithFirstRead, type Viewer, type ViewerIds } from "@/lib/auth/viewer";
import type { Guard } from "@/lib/auth/roles";
import { readSignedInIdentity } from "@/lib/auth/read-signed-in-identity";
import { toErrorResponseParts } from "@/lib/http/error-body";
import { jsonResponse } from "@/lib/http/json-response";
import { readJsonObject } from "@/lib/http/read-json-body";
import { rejectCrossSiteMutation } from "@/lib/http/same-origin";
import { refuseUnsafeText } from "@/lib/http/unsafe-text";
import { runInTenantScope } from "@/lib/tenancy/scope";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler<I> = (viewer: Viewer, input: I, request: Request) => Promise<unknown> | unknown;

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type FirstRead<I> = (ids: ViewerIds, input: I) => Prisma.Sql;
type FirstReadHandler<I, Row> = (viewer: Viewer, input: I, first: Row | null, request: Request) => Promise<unknown> | unknown;

/**
 * Wraps a route handler: refuses cross-site mutations, authenticates from the session cookie,
 * applies the role `guard`, parses params + query (reads) or params + UTF-8 JSON body (writes) with
 * `schema` after refusing any string or key holding U+0000 or a lone surrogate (422 naming the
 * field), and maps thrown AppErrors to `{ error: { code, message } }` responses.
 */
export function withViewer<S extends z.ZodType>(guard: Guard, schema: S, handler: Handler<z.infer<S>>) {
  return jsonRoute(async (request, context) => {
    const { viewer, input } = await viewerAndInput(request, guard, schema, () => readRouteInput(request, context));
    return inViewerScope(viewer, () => handler(viewer, input, request));
  });
}

/**
 * `withViewer` for a hot route whose first read can travel in the viewer's statement
 * (readViewerWithFirstRead): one round trip instead of two. `firstRead` builds it from the
 * identity's ids and the parsed input, for the roles `guard` lets through; its row (or null)
 * reaches the handler. The refusals keep withViewer's order: a payload that fails is answered
 * only once the viewer has been checked, on its own.
 */
export function withViewerAndFirstRead<S extends z.ZodType, Row>(guard: Guard, schema: S, firstRead: FirstRead<z.infer<S>>, handler: FirstReadHandler<z.infer<S>, Row>) {
  return jsonRoute(async (request, context) => {
    const identity = await readSignedInIdentity(request);
    let input: z.infer<S>;
    try {
      input = parseInput(schema, await readRouteInput(request, context));
    } catch (error) {
      await loadViewer(identity, guard);
      throw error;
    }
    const { viewer, first } = await readViewerWithFirstRead<Row>(identity, (ids) => firstRead(ids, input));
    guardViewer(viewer, guard);
    return inViewerScope(viewer, () => handler(viewer, input, first, request));
  });
}

/** A route answering JSON: cross-site mutations refused, thrown AppErrors as `{ error: { code, message } }`. */
function jsonRoute(answer: (request: Request, context: RouteContext) => Promise<unknown>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      rejectCrossSiteMutation(request);
      const result = await answer(request, context);
      if (result instanceof Response) return result;
      return jsonResponse(result ?? null);
    } catch (error) {
      const { status, body } = toErrorResponseParts(error);
      return jsonResponse(body, { status });
    }
  };
}

// Everything the handler does, and the work it leaves running, reads the viewer's rows only.
function inViewerScope(viewer: Viewer, work: () => unknown) {
  return runInTenantScope(viewer.accountId, work);
}

async function readRouteInput(request: Request, context: RouteContext): Promise<Record<string, unknown>> {
  return { ...(await readPayload(request)), ...(await context.params) };
}

function parseInput<S extends z.ZodType>(schema: S, payload: Record<string, unknown>): z.infer<S> {
  refuseUnsafeText(payload);
  return schema.parse(payload);
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
  return { viewer, input: parseInput(schema, await readInput()) };
}

async function readPayload(request: Request): Promise<Record<string, unknown>> {
  if (READ_METHODS.has(request.method)) return Object.fromEntries(new URL(request.url).searchParams);
  return readJsonObject(request);
}
