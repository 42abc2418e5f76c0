import type { KbArticleFormat, KbArticleStatus } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";

export function KbStatusBadge({ status }: { status: KbArticleStatus }) {
  return status === "published" ? <Badge tone="green">Published</Badge> : <Badge tone="amber">Draft</Badge>;
}

export const FORMAT_LABEL: Record<KbArticleFormat, string> = { troubleshooting: "Troubleshooting", procedural: "Procedure" };
