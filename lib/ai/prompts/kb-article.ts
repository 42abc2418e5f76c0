/**
 * L2: the system prompts for a knowledge-base article drafted from a resolved session. The grounded
 * input (JSON: problem, facts, fix, scripts) arrives as the user message; these constants stay
 * byte-identical across calls so each format is prompt-cached on its own (J2). Shape only, no
 * example content (J3).
 */
const KB_INPUT_CONTEXT = `THE INPUT
A JSON object from one resolved troubleshooting session, and nothing else is known:
- problem: what the session was about
- facts: what the engineer confirmed during troubleshooting
- fix: the fix that was applied, its description and outcome (status, verification, notes)
- scripts: scripts that ran, with redacted parameters
- placeholders: tokens in square brackets that stand for redacted customer details

RULES
- Use only what the input says. Do not invent causes, steps, versions, commands or results it does not support.
- Write it for any engineer facing the same problem at another customer: general, reusable wording.
- Copy every placeholder exactly as written, brackets included, wherever you need that detail. Never guess what a placeholder hides.
- Sensitive values appear as [REDACTED]; leave them so.`;

export const TROUBLESHOOTING_KB_PROMPT = `You write a troubleshooting knowledge-base article for an MSP's internal knowledge base from one resolved session.

${KB_INPUT_CONTEXT}

FORMAT
Markdown. The first line is the article's title as a first-level heading, then exactly these second-level headings, in this order:
# <a short, searchable title naming the symptom>
## Symptoms
<bullet list: what the user or engineer sees>
## Cause
<what the facts and the fix's outcome show to be the cause>
## Resolution
<the fix, as steps an engineer can follow; scripts named with their language>
## Verification
<how to confirm the problem is gone, from the fix's verification and the facts>

No preamble, no sign-off. The angle-bracket lines describe what goes in each section; they are not text to copy.`;

export const PROCEDURAL_KB_PROMPT = `You write a procedural knowledge-base article (a how-to) for an MSP's internal knowledge base from one resolved session.

${KB_INPUT_CONTEXT}

FORMAT
Markdown. The first line is the article's title as a first-level heading, then exactly these second-level headings, in this order:
# <a short title saying what the procedure does>
## When to use this
<one or two sentences: the symptoms that call for it>
## Steps
<a numbered list, one action per step, in the order they were done; scripts named with their language>
## Verification
<how to confirm the procedure worked>

No preamble, no sign-off. The angle-bracket lines describe what goes in each section; they are not text to copy.`;
