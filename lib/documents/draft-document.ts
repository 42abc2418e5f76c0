import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { buildDocumentCorrection } from "@/lib/ai/prompts/document-correction";
import { ESCALATION_PACKAGE_PROMPT } from "@/lib/ai/prompts/escalation-package";
import { RESOLUTION_NOTE_PROMPT } from "@/lib/ai/prompts/resolution-note";
import type { AiProvider, ChatMessage } from "@/lib/ai/provider";
import type { GroundedInput } from "@/lib/documents/bundle";
import { buildDeterministicDraft } from "@/lib/documents/deterministic-draft";
import { checkDocumentStructure, describeStructureMiss, DOCUMENT_NOUNS, DOCUMENT_SECTIONS, type StructureCheck } from "@/lib/documents/document-structure";
import type { DocumentKind } from "@/lib/generated/prisma/enums";

/** A draft, and for a deterministic one a sentence telling the engineer why the model's wasn't used. */
export type Draft = { markdown: string; aiGenerated: boolean; fallbackReason: string | null };

const A_NOUN: Record<DocumentKind, string> = { resolution_note: "a resolution note", escalation_package: "an escalation package" };

const PROMPTS: Record<DocumentKind, string> = {
  resolution_note: RESOLUTION_NOTE_PROMPT,
  escalation_package: ESCALATION_PACKAGE_PROMPT,
};

/** A reply wrapped in a ```markdown fence is unwrapped. */
function cleanReply(text: string): string {
  const fenced = /^```(?:markdown|md)?\s*\n([\s\S]*?)\n```\s*$/i.exec(text.trim());
  return (fenced ? fenced[1]! : text).trim();
}

async function ask(provider: AiProvider, kind: DocumentKind, messages: ChatMessage[]): Promise<string> {
  const reply = await provider.generateText({ tier: "capable", purpose: kind, system: [{ text: PROMPTS[kind], cache: true }], messages, maxTokens: 2048 });
  return cleanReply(reply.text);
}

function logInvalidReply(kind: DocumentKind, sessionId: string, attempt: number, reply: string, check: StructureCheck) {
  // The reply itself stays out of the log: it is written from a customer's session.
  const line = { event: "documents.invalid_reply", kind, session_id: sessionId, attempt, missing: check.missing, empty: check.empty, reply_chars: reply.length };
  console.warn(JSON.stringify(line));
}

type Fallback = { reason: string; forEngineer: string; check?: StructureCheck };

/**
 * The model's document, or why there is none. A reply that is not the document (E1/E2 sections
 * missing or empty) gets one corrective turn: its own reply, then what was wrong. Throws what the
 * provider throws on the first call (unavailable); a failed retry is a fallback that says so.
 */
async function draftWithModel(provider: AiProvider, grounded: GroundedInput, kind: DocumentKind, sessionId: string): Promise<{ markdown: string } | Fallback> {
  const noun = DOCUMENT_NOUNS[kind];
  const conversation: ChatMessage[] = [{ role: "user", content: JSON.stringify(grounded.bundle, null, 2) }];
  const first = await ask(provider, kind, conversation);
  const firstCheck = checkDocumentStructure(kind, first);
  if (firstCheck.ok) return { markdown: first };
  logInvalidReply(kind, sessionId, 1, first, firstCheck);

  // The bad reply goes back as the assistant's turn (the API refuses an empty one; two user turns merge).
  if (first) conversation.push({ role: "assistant", content: grounded.redact(first) });
  conversation.push({ role: "user", content: buildDocumentCorrection(noun, DOCUMENT_SECTIONS[kind], firstCheck) });
  let second: string;
  try {
    second = await ask(provider, kind, conversation);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const reason = `the model's reply was not ${A_NOUN[kind]} (${describeStructureMiss(firstCheck)}) and the retry failed: ${why}`;
    return { reason, check: firstCheck, forEngineer: `The AI's reply was not ${A_NOUN[kind]} and the AI was unavailable for a second try, so FlowPilot built this one from the session's facts and fix.` };
  }
  const secondCheck = checkDocumentStructure(kind, second);
  if (secondCheck.ok) return { markdown: second };
  logInvalidReply(kind, sessionId, 2, second, secondCheck);
  return {
    reason: `the model's reply was not ${A_NOUN[kind]}, twice (${describeStructureMiss(secondCheck)})`,
    check: secondCheck,
    forEngineer: `The AI's reply was not ${A_NOUN[kind]} (${describeStructureMiss(secondCheck)}), even after a second try, so FlowPilot built this one from the session's facts and fix.`,
  };
}

/**
 * E1/E2/E6: writes `kind` for the grounded input. The capable model's reply is used only when it
 * is the document (every section present with content; one corrective retry when it is not);
 * otherwise (no key, outage, refusal, a non-document twice) the deterministic draft, logged as
 * `documents.deterministic_draft` with the reason. Either way the result is scrubbed of the
 * session's sensitive values, even if the model echoes one back (E5). Never throws for a model
 * failure: nothing blocks on the model.
 */
export async function draftDocument(grounded: GroundedInput, { kind, sessionId }: { kind: DocumentKind; sessionId: string }): Promise<Draft> {
  const noun = DOCUMENT_NOUNS[kind];
  const provider = getAiProvider();
  let fallback: Fallback = { reason: "no AI provider is configured", forEngineer: `No AI is set up for this workspace, so FlowPilot built this ${noun} from the session's facts and fix.` };
  if (provider) {
    try {
      const result = await draftWithModel(provider, grounded, kind, sessionId);
      if ("markdown" in result) return { markdown: `${grounded.redact(result.markdown)}\n`, aiGenerated: true, fallbackReason: null };
      fallback = result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      fallback = { reason, forEngineer: `The AI was unavailable, so FlowPilot built this ${noun} from the session's facts and fix.` };
    }
  }
  const { reason, check } = fallback;
  console.warn(JSON.stringify({ event: "documents.deterministic_draft", kind, session_id: sessionId, reason, ...(check && { missing: check.missing, empty: check.empty }) }));
  return { markdown: grounded.redact(buildDeterministicDraft(kind, grounded.bundle)), aiGenerated: false, fallbackReason: fallback.forEngineer };
}
