import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { ESCALATION_PACKAGE_PROMPT } from "@/lib/ai/prompts/escalation-package";
import { RESOLUTION_NOTE_PROMPT } from "@/lib/ai/prompts/resolution-note";
import type { GroundedInput } from "@/lib/documents/bundle";
import { buildDeterministicDraft } from "@/lib/documents/deterministic-draft";
import type { DocumentKind } from "@/lib/generated/prisma/enums";

export type Draft = { markdown: string; aiGenerated: boolean };

const PROMPTS: Record<DocumentKind, string> = {
  resolution_note: RESOLUTION_NOTE_PROMPT,
  escalation_package: ESCALATION_PACKAGE_PROMPT,
};

/** A reply wrapped in a ```markdown fence is unwrapped; an empty one counts as no answer. */
function cleanReply(text: string): string {
  const fenced = /^```(?:markdown|md)?\s*\n([\s\S]*?)\n```\s*$/i.exec(text.trim());
  return (fenced ? fenced[1]! : text).trim();
}

/**
 * Writes `kind` for the grounded input: the capable model when it answers, otherwise (no key,
 * outage, refusal, empty reply) the deterministic draft, logged (E6). Either way the result is
 * scrubbed of the session's sensitive values, even if the model echoes one back (E5). Never throws
 * for a model failure: nothing blocks on the model.
 */
export async function draftDocument(grounded: GroundedInput, { kind, sessionId }: { kind: DocumentKind; sessionId: string }): Promise<Draft> {
  const provider = getAiProvider();
  let reason = "no AI provider is configured";
  if (provider) {
    try {
      const reply = await provider.generateText({
        tier: "capable",
        purpose: kind,
        system: [{ text: PROMPTS[kind], cache: true }],
        messages: [{ role: "user", content: JSON.stringify(grounded.bundle, null, 2) }],
        maxTokens: 2048,
      });
      const markdown = cleanReply(reply.text);
      if (markdown) return { markdown: `${grounded.redact(markdown)}\n`, aiGenerated: true };
      reason = "the model returned an empty reply";
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  console.warn(JSON.stringify({ event: "documents.deterministic_draft", kind, session_id: sessionId, reason }));
  return { markdown: grounded.redact(buildDeterministicDraft(kind, grounded.bundle)), aiGenerated: false };
}
