import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Route handlers, unlike server actions, get no CSRF protection from Next. A browser always sends
 * Origin (and Sec-Fetch-Site) on a cross-site POST/PATCH/DELETE, so refuse those when the origin
 * is neither this host nor APP_URL. Requests without Origin come from non-browser clients.
 */
export function rejectCrossSiteMutation(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers.get("sec-fetch-site") === "cross-site") throw crossSite();
  const origin = request.headers.get("origin");
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossSite();
  }
  const allowed = [new URL(env.APP_URL).host, request.headers.get("x-forwarded-host"), request.headers.get("host")];
  if (!allowed.includes(originHost)) throw crossSite();
}

function crossSite() {
  return forbidden("Cross-site request refused. Use FlowPilot from its own address.");
}
