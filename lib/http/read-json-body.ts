import { invalid } from "@/lib/errors";

// `fatal` makes a malformed byte an error; the default decoder (and `request.text()`) would turn
// it into U+FFFD and store that in place of what the client sent.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The request's JSON body as an object; an empty body is `{}`. Throws invalid (422) when the
 * bytes are not UTF-8, the text is not JSON, or the JSON is not an object.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const bytes = await request.arrayBuffer();
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw invalid("The request body is not valid UTF-8.");
  }
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
