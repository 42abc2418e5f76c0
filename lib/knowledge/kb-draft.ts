import { getAiProvider } from "@/lib/ai/get-ai-provider";
import { PROCEDURAL_KB_PROMPT, TROUBLESHOOTING_KB_PROMPT } from "@/lib/ai/prompts/kb-article";
import type { KbArticleFormat } from "@/lib/generated/prisma/enums";
import { buildDeterministicKbDraft, KB_SECTIONS, type KbDraftText } from "@/lib/knowledge/kb-deterministic-draft";
import type { KbGrounding } from "@/lib/knowledge/kb-grounding";

export type KbDraft = KbDraftText & { aiGenerated: boolean; fallbackReason: string | null };

const PROMPTS: Record<KbArticleFormat, string> = { troubleshooting: TROUBLESHOOTING_KB_PROMPT, procedural: PROCEDURAL_KB_PROMPT };

/** The reply split into its "# Title" line and the rest, unwrapped from a ```markdown fence. */
function parseReply(text: string): KbDraftText {
  const fenced = /^```(?:markdown|md)?\s*\n([\s\S]*?)\n```\s*$/i.exec(text.trim());
  const markdown = (fenced ? fenced[1]! : text).trim();
  const title = /^#\s+(.+)$/m.exec(markdown);
  const body = title ? markdown.slice(markdown.indexOf(title[0]) + title[0].length) : markdown;
  return { title: title?.[1]!.trim() ?? "", body: `${body.trim()}\n` };
}

/** The required sections the body lacks, or has with nothing under them. */
export function missingKbSections(format: KbArticleFormat, body: string): string[] {
  const chunks = new Map<string, string>();
  let current: string | null = null;
  for (const line of body.split("\n")) {
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) current = heading[1]!.toLowerCase();
    else if (current) chunks.set(current, `${chunks.get(current) ?? ""}${line}`);
  }
  return KB_SECTIONS[format].filter((section) => !/\w/.test(chunks.get(section.toLowerCase()) ?? ""));
}

async function draftWithModel(format: KbArticleFormat, grounding: KbGrounding): Promise<KbDraftText | { reason: string }> {
  const provider = getAiProvider();
  if (!provider) return { reason: "no AI provider is configured" };
  const reply = await provider.generateText({
    tier: "capable",
    purpose: `kb_article_${format}`,
    system: [{ text: PROMPTS[format], cache: true }],
    messages: [{ role: "user", content: JSON.stringify({ format, ...grounding }, null, 2) }],
    maxTokens: 2048,
  });
  const draft = parseReply(reply.text);
  const missing = missingKbSections(format, draft.body);
  if (missing.length > 0) return { reason: `the model's reply was not a ${format} article (missing or empty: ${missing.join(", ")})` };
  return { title: draft.title || grounding.problem, body: draft.body };
}

const FOR_ENGINEER = {
  noProvider: "No AI is set up for this workspace, so FlowPilot built this draft from the session's facts and fix.",
  failed: "The AI was unavailable or did not answer with an article, so FlowPilot built this draft from the session's facts and fix.",
};

/**
 * L2/E6: drafts a KB article in `format` from the grounding, on the capable tier. When the model
 * is unavailable (no key, outage) or answers something that is not the article, the deterministic
 * draft is used, logged as `kb.deterministic_draft` with the reason. Never throws for a model failure.
 */
export async function draftKbArticle(format: KbArticleFormat, grounding: KbGrounding, sessionId: string): Promise<KbDraft> {
  let reason: string;
  try {
    const result = await draftWithModel(format, grounding);
    if ("body" in result) return { ...result, aiGenerated: true, fallbackReason: null };
    reason = result.reason;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  console.warn(JSON.stringify({ event: "kb.deterministic_draft", format, session_id: sessionId, reason }));
  const fallbackReason = reason === "no AI provider is configured" ? FOR_ENGINEER.noProvider : FOR_ENGINEER.failed;
  return { ...buildDeterministicKbDraft(format, grounding), aiGenerated: false, fallbackReason };
}
