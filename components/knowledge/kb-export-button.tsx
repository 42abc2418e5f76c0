"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A file name from the title: lower-case words joined by hyphens. */
function fileNameOf(title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `${slug || "kb-article"}.md`;
}

/** Downloads the article as it stands in the editor (title as the first heading), redactions applied. */
export function KbExportButton({ title, body }: { title: string; body: string }) {
  function download() {
    const blob = new Blob([`# ${title.trim()}\n\n${body.trim()}\n`], { type: "text/markdown;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileNameOf(title);
    link.click();
    URL.revokeObjectURL(url);
  }
  return (
    <Button type="button" variant="secondary" onClick={download}>
      <Download aria-hidden className="size-4" />
      Export as Markdown
    </Button>
  );
}
