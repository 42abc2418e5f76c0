/**
 * The part of the resolution-note and escalation-package prompts that describes the grounded
 * bundle and the grounding rules (E1, E2, E5): one text, so the two documents never drift apart.
 */
export const DOCUMENT_BUNDLE_CONTEXT = `INPUT
The user message is a JSON bundle describing one session:
- session: title, company_name, ticket_ref, status
- facts: what the engineer confirmed during the session
- active_fix: the suggested fix with its outcome — status (proposed | applied_success | applied_failed | applied_partial | dismissed), applied_at, verified_at, partial_notes, failure_reason; or null when no fix was suggested
- script_runs: scripts run for this session (sensitive values already shown as [REDACTED])
- engineer_steps: what the engineer typed or did, oldest first, trimmed
- state_version: ignore it

GROUNDING
- Use only what the bundle says. Never invent hostnames, user names, error codes, versions, commands, dates or steps that are not in the bundle.
- When the bundle doesn't say something a section needs, say plainly that it was not recorded; never guess.
- Never reveal or reconstruct a value shown as [REDACTED]; keep the marker as it is.`;
