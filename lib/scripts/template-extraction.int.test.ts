import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CAPABLE_MODEL } from "@/lib/ai/ai-config";
import { extractTemplate, referencedParameters } from "@/lib/scripts/template-extraction";
import { installFakeModel, withoutModel } from "@/tests/helpers/fake-model";

const SCRIPT = 'Add-MailboxPermission -Identity "shared@contoso.test" -User "alex@contoso.test" -AccessRights FullAccess';
const fake = installFakeModel();
beforeEach(() => fake().reset());

const answer = (draft: object) => fake().enqueue({ text: JSON.stringify(draft) });
const parameter = (name: string, extra: object = {}) => ({ name, label: name, type: "text", required: true, default: null, sensitive: false, ...extra });

describe("extractTemplate (H3)", () => {
  it("returns the model's templated body and parameters when every reference is declared", async () => {
    answer({
      templated_body: 'Add-MailboxPermission -Identity "{{mailbox}}" -User "{{ user }}" -AccessRights FullAccess',
      parameters: [
        parameter("mailbox", { label: "Shared mailbox", default: "shared@contoso.test", description: "The mailbox to share" }),
        parameter("user", { default: "alex@contoso.test" }),
      ],
    });
    const result = await extractTemplate(SCRIPT, "powershell");
    expect(result).toEqual({
      templated_body: 'Add-MailboxPermission -Identity "{{mailbox}}" -User "{{ user }}" -AccessRights FullAccess',
      parameters: [
        { name: "mailbox", label: "Shared mailbox", type: "text", required: true, default: "shared@contoso.test", sensitive: false, description: "The mailbox to share" },
        { name: "user", label: "user", type: "text", required: true, default: "alex@contoso.test", sensitive: false, description: null },
      ],
    });
    const request = fake().requests[0]!.body;
    expect(request.model).toBe(process.env.ANTHROPIC_MODEL_CAPABLE ?? DEFAULT_CAPABLE_MODEL);
    expect(JSON.stringify(request.messages)).toContain("shared@contoso.test");
    expect(JSON.stringify(request.messages)).toContain("powershell");
  });

  it("falls back to the original script with no parameters when the body references an undeclared parameter", async () => {
    answer({ templated_body: 'Add-MailboxPermission -Identity "{{mailbox}}" -User "{{user}}"', parameters: [parameter("mailbox")] });
    expect(await extractTemplate(SCRIPT, "powershell")).toEqual({ templated_body: SCRIPT, parameters: [] });
  });

  it("drops declared parameters the body never uses", async () => {
    answer({ templated_body: 'Add-MailboxPermission -Identity "{{mailbox}}"', parameters: [parameter("mailbox"), parameter("unused")] });
    const result = await extractTemplate(SCRIPT, "powershell");
    expect(result.parameters.map((entry) => entry.name)).toEqual(["mailbox"]);
  });

  it("keeps the original script verbatim when the model proposes no parameters", async () => {
    answer({ templated_body: "Add-MailboxPermission  # reformatted by the model", parameters: [] });
    expect(await extractTemplate(SCRIPT, "powershell")).toEqual({ templated_body: SCRIPT, parameters: [] });
  });

  it("never keeps a default for a sensitive parameter", async () => {
    answer({ templated_body: "net user svc {{password}}", parameters: [parameter("password", { sensitive: true, default: "Hunter2!" })] });
    const result = await extractTemplate("net user svc Hunter2!", "cmd");
    expect(result.parameters[0]).toMatchObject({ name: "password", sensitive: true, default: null });
  });

  it.each([
    ["not JSON", { text: "I would parameterize the mailbox." }],
    ["the wrong shape", { text: JSON.stringify({ body: "x" }) }],
    ["a bad parameter name", { text: JSON.stringify({ templated_body: "{{bad name}}", parameters: [parameter("bad name")] }) }],
    ["an empty body", { text: JSON.stringify({ templated_body: "  ", parameters: [] }) }],
    ["a refused request", { status: 400 as const }],
  ])("falls back when the model answers %s", async (_label, reply) => {
    fake().enqueue(reply);
    expect(await extractTemplate(SCRIPT, "powershell")).toEqual({ templated_body: SCRIPT, parameters: [] });
  });

  it("falls back when the model is unavailable", async () => {
    fake().enqueue({ status: 529 }, { status: 529 }, { status: 529 });
    expect(await extractTemplate(SCRIPT, "powershell")).toEqual({ templated_body: SCRIPT, parameters: [] });
  });

  it("falls back without calling anything when no model is configured", async () => {
    expect(await withoutModel(() => extractTemplate(SCRIPT, "powershell"))).toEqual({ templated_body: SCRIPT, parameters: [] });
    expect(fake().requests).toHaveLength(0);
  });
});

describe("referencedParameters", () => {
  it("lists each {{name}} once, in order, tolerating inner spaces", () => {
    expect(referencedParameters("{{a}} {{ b }} {{a}} {b} {{}}")).toEqual(["a", "b", ""]);
  });
});
