const MAX_FACTS = 10;
const MAX_FACT_LENGTH = 300;

/**
 * The initial description of a ticket spun off a session (G6): where it came from and the
 * session's facts so far, short enough to read at a glance on the ticket.
 */
export function buildSpinOffDescription(title: string, facts: { text: string }[]): string {
  const lines = [`Spun off from the FlowPilot session "${title}".`];
  if (facts.length > 0) {
    lines.push("", "Known so far:");
    for (const fact of facts.slice(0, MAX_FACTS)) {
      const text = fact.text.replace(/\s+/g, " ").trim();
      lines.push(`- ${text.length > MAX_FACT_LENGTH ? `${text.slice(0, MAX_FACT_LENGTH - 1)}…` : text}`);
    }
    if (facts.length > MAX_FACTS) lines.push(`- … and ${facts.length - MAX_FACTS} more in FlowPilot.`);
  }
  return lines.join("\n");
}
