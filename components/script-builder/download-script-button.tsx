"use client";

import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Saves `script` as a file named `fileName`, from the browser: nothing goes back to the server. */
export function DownloadScriptButton({ script, fileName }: { script: string; fileName: string }) {
  function download() {
    const url = URL.createObjectURL(new Blob([script.endsWith("\n") ? script : `${script}\n`], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.click();
    // Revoked on the next tick: some browsers start the download only after the click handler returns.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <Button variant="ghost" size="sm" onClick={download} className="h-7 px-2 text-xs" aria-label={`Download ${fileName}`}>
      <Download aria-hidden className="size-3.5" />
      Download
    </Button>
  );
}
