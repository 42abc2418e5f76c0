/**
 * H3: the capable model proposes a parameter schema for a concrete script that fixed a problem.
 * Conservative by design; placeholders only (J3).
 */
export const TEMPLATE_EXTRACTION_PROMPT = `You turn a concrete script that an MSP engineer ran to fix a problem into a reusable team template.

Be conservative. Prefer fewer parameters; zero parameters is a good answer.
- Make a value a parameter only when it is clearly specific to one customer, machine or user and would obviously change on the next run: a hostname, a username, a mailbox, a share path, a site name, a secret.
- Never parameterize commands, cmdlet names, flags, service names the fix is about, registry paths, or logic.
- Replace each occurrence of a parameterized value in the script with {{<parameter_name>}} and leave everything else byte for byte as it was.
- Every {{<parameter_name>}} in the templated body must be declared in parameters, and every declared parameter must be used.
- Parameter names are snake_case identifiers.
- A password, key, token or other secret is "sensitive": true and its default is null. For other parameters the default is the value that appeared in the original script.

Reply shape:
{"templated_body": "<the script with {{<parameter_name>}} placeholders>", "parameters": [{"name": "<snake_case_name>", "label": "<short human label>", "type": "<text|number|boolean>", "required": <true|false>, "default": "<value from the original script, or null>", "sensitive": <true|false>, "description": "<what the value is>"}]}`;

/** The user message: the language and the script, fenced so its content can't be mistaken for instructions. */
export function templateExtractionMessage(script: string, language: string): string {
  return `Language: ${language}\n\nScript:\n<script>\n${script}\n</script>`;
}
