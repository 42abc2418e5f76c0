import type { Tx } from "@/lib/db";
import { conversationWith } from "@/lib/ai/conversation";
import type { ChatMessage, SystemBlock } from "@/lib/ai/provider";
import {
  ASSISTANT_SYSTEM_PROMPT,
  CHAT_FORMAT_REMINDER,
  TEAM_TEMPLATE_LIMIT,
  teamTemplatesBlock,
  type TeamTemplateSummary,
} from "@/lib/ai/prompts/chat";
import { seenBeforeBlock } from "@/lib/ai/prompts/seen-before";
import { taskLaneSchema, type TaskLane } from "@/lib/ai/task-lane";
import { seenBeforeForChat, toSeenBeforeMatch } from "@/lib/knowledge/seen-before-for-chat";
import type { SimilarSession } from "@/lib/knowledge/similar-sessions";

/** How much conversation goes back to the model each turn. */
const HISTORY_LIMIT = 40;

/** `similar`: the seen-before matches offered to the model, the only sessions a suggested fix may cite. */
export type ChatContext = { system: SystemBlock[]; messages: ChatMessage[]; taskLane: TaskLane; similar?: SimilarSession[] };

/**
 * What the model sees for a turn. The system prompt, the team's template list and the history come
 * first and stay the same from turn to turn, so each is cached (J2): the constant prompt is shared
 * by every account, the template list by every session of one account. The session's current
 * state (facts, task lane with item ids, active fix) changes every turn, so it rides in the newest
 * message instead.
 */
export async function buildChatContext(tx: Tx, sessionId: string, newMessage: string, newStepId: string): Promise<ChatContext> {
  const session = await tx.aiSession.findFirstOrThrow({
    where: { id: sessionId },
    select: {
      accountId: true,
      title: true,
      companyName: true,
      psaTicketRef: true,
      pendingTaskLane: true,
      facts: { where: { deletedAt: null }, orderBy: { createdAt: "asc" }, select: { text: true, sourceKind: true } },
      fixes: { where: { supersededAt: null }, select: { id: true, title: true, status: true, appliedAt: true } },
      steps: {
        where: { kind: { in: ["engineer_message", "assistant_message"] }, id: { not: newStepId } },
        orderBy: { createdAt: "desc" },
        take: HISTORY_LIMIT,
        select: { kind: true, content: true },
      },
    },
  });
  const parsedLane = taskLaneSchema.safeParse(session.pendingTaskLane);
  const taskLane = parsedLane.success ? parsedLane.data : { questions: [], actions: [] };
  const history = session.steps.reverse().map((step) => ({ role: step.kind === "engineer_message" ? "user" : "assistant", content: step.content }) as const);

  const fix = session.fixes[0];
  const state = [
    `Session: ${session.title}${session.companyName ? ` · ${session.companyName}` : ""}${session.psaTicketRef ? ` · ticket ${session.psaTicketRef}` : ""}`,
    `Confirmed facts:\n${session.facts.map((fact) => `- ${fact.text}`).join("\n") || "- none yet"}`,
    `Open questions:\n${taskLane.questions.map((item) => `- [${item.id}] (${item.status}) ${item.text}`).join("\n") || "- none"}`,
    `Diagnostic checks:\n${taskLane.actions.map((item) => `- [${item.id}] (${item.status}) ${item.label}`).join("\n") || "- none"}`,
    `Active suggested fix: ${fix ? `[${fix.id}] ${fix.title} (status ${fix.status}${fix.appliedAt ? ", applied" : ""})` : "none"}`,
  ].join("\n\n");
  const latest = `<session_state>\n${state}\n</session_state>\n\n${newMessage}\n\n${CHAT_FORMAT_REMINDER}`;
  const templates = teamTemplatesBlock(await listTeamTemplates(tx, session.accountId));
  // Cached on its own: the matches only change when a new fact changes the top three.
  const similar = await seenBeforeForChat({ accountId: session.accountId, sessionId, title: session.title, facts: session.facts });
  const seenBefore = seenBeforeBlock(similar.map(toSeenBeforeMatch));
  return {
    system: [
      { text: ASSISTANT_SYSTEM_PROMPT, cache: true },
      ...(templates ? [{ text: templates, cache: true }] : []),
      ...(seenBefore ? [{ text: seenBefore, cache: true }] : []),
    ],
    messages: conversationWith(history, latest),
    taskLane,
    similar,
  };
}

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The account's live templates for the prompt (D1 template match): the most recently edited ones
 * up to the cap, listed by name so the block reads the same until the library changes. Only
 * names, descriptions and parameter names leave the database, never bodies or defaults.
 */
async function listTeamTemplates(tx: Tx, accountId: string): Promise<TeamTemplateSummary[]> {
  const rows = await tx.scriptTemplate.findMany({
    where: { accountId, archivedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: TEAM_TEMPLATE_LIMIT,
    select: { id: true, name: true, description: true, language: true, parametersSchema: true },
  });
  return rows
    .map((row) => ({ id: row.id, name: row.name, description: row.description, language: row.language, parameterNames: parameterNames(row.parametersSchema) }))
    .sort((x, y) => x.name.localeCompare(y.name, "en") || x.id.localeCompare(y.id));
}

/** Names from a stored schema, read leniently: an entry without a valid name is skipped, not fatal. */
function parameterNames(schema: unknown): string[] {
  if (!Array.isArray(schema)) return [];
  return schema.flatMap((entry: unknown) => {
    const name = entry && typeof entry === "object" ? (entry as { name?: unknown }).name : undefined;
    return typeof name === "string" && PARAMETER_NAME.test(name) ? [name] : [];
  });
}
