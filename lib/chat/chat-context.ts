import { queryPreparedRows } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
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
import { seenBeforeForChat, toSeenBeforeMatch, type SeenBeforeQuery } from "@/lib/knowledge/seen-before-for-chat";
import type { SimilarSession } from "@/lib/knowledge/similar-sessions";

/** How much conversation goes back to the model each turn. */
const HISTORY_LIMIT = 40;

/**
 * `similar`: the seen-before matches offered to the model, the only sessions a suggested fix may
 * cite; `seenBefore`: what they were searched for.
 */
export type ChatContext = { system: SystemBlock[]; messages: ChatMessage[]; taskLane: TaskLane; similar?: SimilarSession[]; seenBefore?: SeenBeforeQuery };

/**
 * What the model sees for a turn. The system prompt, the team's template list and the history come
 * first and stay the same from turn to turn, so each is cached (J2): the constant prompt is shared
 * by every account, the template list by every session of one account. The session's current
 * state (facts, task lane with item ids, active fix) changes every turn, so it rides in the newest
 * message instead.
 */
export async function buildChatContext(sessionId: string, newMessage: string, newStepId: string): Promise<ChatContext> {
  const [session] = await queryPreparedRows<ContextRow>(contextStatement(sessionId, newStepId));
  if (!session) throw notFound("Session");
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
  const templates = teamTemplatesBlock(teamTemplates(session.templates));
  // A prompt block cached on its own: the matches only change when a new fact changes the top three.
  const seenBefore = { accountId: session.accountId, sessionId, title: session.title, facts: session.facts, version: session.seenBeforeVersion };
  const similar = await seenBeforeForChat(seenBefore);
  const seenBeforeText = seenBeforeBlock(similar.map(toSeenBeforeMatch));
  return {
    system: [
      { text: ASSISTANT_SYSTEM_PROMPT, cache: true },
      ...(templates ? [{ text: templates, cache: true }] : []),
      ...(seenBeforeText ? [{ text: seenBeforeText, cache: true }] : []),
    ],
    messages: conversationWith(history, latest),
    taskLane,
    similar,
    seenBefore,
  };
}

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

type ContextRow = {
  accountId: string; seenBeforeVersion: number; title: string; companyName: string | null; psaTicketRef: string | null; pendingTaskLane: unknown;
  facts: { text: string }[];
  fixes: { id: string; title: string; status: string; appliedAt: string | null }[];
  steps: { kind: string; content: string }[];
  templates: TemplateRow[];
};
type TemplateRow = { id: string; name: string; description: string | null; language: string; parametersSchema: unknown };

/**
 * Everything a turn's context reads, in one statement: the session, the account's
 * seen_before_version (read with the facts, so matches cached under it are current), its live facts (oldest
 * first), its active fix, the newest HISTORY_LIMIT messages but the new one (newest first), and
 * the account's live templates (D1 template match): the most recently edited ones up to the cap.
 * Only names, descriptions and parameter names of templates leave the database, never bodies or
 * defaults.
 */
function contextStatement(sessionId: string, newStepId: string) {
  return Prisma.sql`
    SELECT s.account_id AS "accountId", (SELECT a.seen_before_version FROM accounts a WHERE a.id = s.account_id) AS "seenBeforeVersion", s.title, s.company_name AS "companyName", s.psa_ticket_ref AS "psaTicketRef", s.pending_task_lane AS "pendingTaskLane",
      (SELECT coalesce(json_agg(json_build_object('text', f.text) ORDER BY f.created_at), '[]')
        FROM session_facts f WHERE f.session_id = s.id AND f.deleted_at IS NULL) AS facts,
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'status', x.status, 'appliedAt', x.applied_at)), '[]')
        FROM session_suggested_fixes x WHERE x.session_id = s.id AND x.superseded_at IS NULL) AS fixes,
      (SELECT coalesce(json_agg(json_build_object('kind', m.kind, 'content', m.content) ORDER BY m.created_at DESC), '[]')
        FROM (SELECT kind, content, created_at FROM ai_session_steps
              WHERE session_id = s.id AND kind IN ('engineer_message', 'assistant_message') AND id <> ${newStepId}::uuid
              ORDER BY created_at DESC LIMIT ${HISTORY_LIMIT}) m) AS steps,
      (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'description', t.description, 'language', t.language,
          'parametersSchema', t.parameters_schema) ORDER BY t.updated_at DESC, t.id), '[]')
        FROM (SELECT id, name, description, language, parameters_schema, updated_at FROM script_templates
              WHERE account_id = s.account_id AND archived_at IS NULL
              ORDER BY updated_at DESC, id LIMIT ${TEAM_TEMPLATE_LIMIT}) t) AS templates
    FROM ai_sessions s WHERE s.id = ${sessionId}::uuid`;
}

/** The templates as the prompt lists them: by name, so the block reads the same until the library changes. */
function teamTemplates(rows: TemplateRow[]): TeamTemplateSummary[] {
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
