import { toErrorResponseParts } from "@/lib/http/error-body";
import { rejectCrossSiteMutation } from "@/lib/http/same-origin";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { readAcceptRequest } from "@/lib/members/read-accept-request";
import { jsonResponse } from "@/lib/http/json-response";

type Context = { params: Promise<Record<string, string | string[]>> };

/**
 * Public (no sign-in): accepts an invitation `{ name, password }`, creating the account's new
 * member; 201 with who they are. The same-origin check applies; attempts per link are throttled.
 * A dead link is 404 with the reason; then the client signs in with the new password.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  try {
    rejectCrossSiteMutation(request);
    const input = await readAcceptRequest(request, await context.params);
    const { user, team } = await acceptInvitation(input);
    return jsonResponse({ user, team }, { status: 201 });
  } catch (error) {
    const { status, body } = toErrorResponseParts(error);
    return jsonResponse(body, { status });
  }
}
