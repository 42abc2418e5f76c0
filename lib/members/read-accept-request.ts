import { invalid } from "@/lib/errors";
import { acceptInvitationInput, type AcceptInvitationInput } from "@/lib/members/schemas";

/** The accept route's input: the JSON body `{ name, password }` and the `token` from the path. Throws invalid (422). */
export async function readAcceptRequest(request: Request, params: Record<string, string | string[]>): Promise<AcceptInvitationInput> {
  let body: unknown = {};
  const text = await request.text();
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw invalid("The request body is not valid JSON.");
    }
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid("The request body must be a JSON object.");
  return acceptInvitationInput.parse({ ...body, token: params.token });
}
