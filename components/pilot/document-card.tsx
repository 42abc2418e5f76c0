import { FileText } from "lucide-react";
import { Card } from "@/components/ui/card";
import { MarkdownText } from "@/components/pilot/markdown-text";

/** A posted document (the resolution note) shown read-only beside the conversation. */
export function DocumentCard({ title, markdown }: { title: string; markdown: string }) {
  return (
    <Card aria-label={title} className="p-4 sm:p-5">
      <h2 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
        <FileText aria-hidden className="size-4 text-slate-500" />
        {title}
      </h2>
      <div className="mt-3">
        <MarkdownText markdown={markdown} />
      </div>
    </Card>
  );
}
