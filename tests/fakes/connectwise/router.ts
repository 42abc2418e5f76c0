/**
 * One request, start to end: parse, hand `/_sim/*` to the admin API, log, then for the API:
 * delay → auth and clientId → injected 429/5xx → route → handler. Handlers throw `CwHttpError`
 * for CW error bodies; anything else is a 500 (and a bug in the simulator).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAdmin, type AdminHooks, type LoggedRequest } from "./admin";
import { checkAuth } from "./auth";
import { CwHttpError, readBody, writeResponse, type SimRequest, type SimResponse } from "./http";
import { matchRoute } from "./routes";
import { takeInjectedFailure } from "./traps";

export const API_ROOT = "/v4_6_release/apis/3.0";
const MAX_LOGGED = 5000;

export async function handleHttp(incoming: IncomingMessage, response: ServerResponse, hooks: AdminHooks) {
  const requestId = randomUUID();
  let answer: SimResponse;
  try {
    answer = await answerRequest(incoming, hooks);
  } catch (error) {
    answer = error instanceof CwHttpError ? error.toResponse() : { status: 500, body: { code: "UnexpectedServerError", message: `Simulator error: ${(error as Error).message}`, errors: null } };
  }
  writeResponse(response, answer, requestId);
}

async function answerRequest(incoming: IncomingMessage, hooks: AdminHooks): Promise<SimResponse> {
  const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "127.0.0.1"}`);
  const raw = await readBody(incoming);
  let body: unknown = undefined;
  let badJson = false;
  if (raw.trim()) {
    try {
      body = JSON.parse(raw);
    } catch {
      badJson = true;
    }
  }
  const method = (incoming.method ?? "GET").toUpperCase();
  const request: SimRequest = { method, path: url.pathname, query: url.searchParams, headers: incoming.headers, body, url };
  if (url.pathname.startsWith("/_sim/")) return handleAdmin(request, hooks);

  logRequest(hooks.requests, { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: incoming.headers, body });
  const { context } = hooks;
  if (context.traps.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, context.traps.delayMs));

  const companyInfo = /^\/login\/companyinfo\/([^/]+)\/?$/i.exec(url.pathname);
  if (companyInfo && method === "GET") return companyInfoAnswer(decodeURIComponent(companyInfo[1]!), hooks);

  if (!url.pathname.toLowerCase().startsWith(API_ROOT.toLowerCase())) throw new CwHttpError(404, "NotFound", `No resource at ${url.pathname}.`);
  checkAuth(request, context.credentials, context.traps.requireClientId);
  const injected = takeInjectedFailure(context.traps);
  if (injected) return injected;
  if (badJson) throw new CwHttpError(400, "InvalidObject", "The request body is not valid JSON.");

  const path = url.pathname.slice(API_ROOT.length) || "/";
  const matched = matchRoute(method, path);
  if (matched === "method") return { status: 405, body: { message: `The requested resource does not support http method '${method}'.` } };
  if (!matched) throw new CwHttpError(404, "NotFound", `The requested resource ${path} was not found.`);
  return matched.handler({ ...request, path }, matched.params, context);
}

/** `/login/companyinfo/{companyId}`: no auth; an unknown company answers JSON null (§1.1). */
function companyInfoAnswer(companyId: string, hooks: AdminHooks): SimResponse {
  const { credentials } = hooks.context;
  if (companyId.toLowerCase() !== credentials.companyId.toLowerCase()) return { status: 200, body: null };
  return {
    status: 200,
    body: { CompanyName: "Demo MSP (simulator)", Codebase: "v4_6_release/", VersionCode: "v2025.1", VersionNumber: "v4.6.10346", CompanyID: credentials.companyId, IsCloud: false, SiteUrl: hooks.context.api.replace(API_ROOT, "") },
  };
}

function logRequest(requests: LoggedRequest[], entry: LoggedRequest) {
  requests.push(entry);
  if (requests.length > MAX_LOGGED) requests.splice(0, requests.length - MAX_LOGGED);
}
