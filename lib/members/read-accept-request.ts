import { readJsonObject } from "@/lib/http/read-json-body";
import { refuseUnsafeText } from "@/lib/http/unsafe-text";
import { acceptInvitationInput, type AcceptInvitationInput } from "@/lib/members/schemas";

/**
 * The accept route's input: the UTF-8 JSON body `{ name, password }` and the `token` from the
 * path. Throws invalid (422), naming the field when a string holds U+0000 or a lone surrogate.
 */
export async function readAcceptRequest(request: Request, params: Record<string, string | string[]>): Promise<AcceptInvitationInput> {
  const payload = { ...(await readJsonObject(request)), token: params.token };
  refuseUnsafeText(payload);
  return acceptInvitationInput.parse(payload);
}
