import type { ScriptLanguage } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";

export const languageLabels: Record<ScriptLanguage, string> = {
  powershell: "PowerShell",
  bash: "Bash",
  python: "Python",
  cmd: "Command Prompt",
};

export function LanguageBadge({ language }: { language: ScriptLanguage }) {
  return <Badge tone="blue">{languageLabels[language]}</Badge>;
}
