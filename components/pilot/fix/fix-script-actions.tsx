"use client";

import { useState } from "react";
import Link from "next/link";
import { FileCode2, LibraryBig } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { PilotFix } from "@/components/pilot/pilot-types";
import { fillTemplateBody, type FixScriptInfo } from "@/components/pilot/fix/fix-script-info";
import { KeepScriptDialog } from "@/components/pilot/fix/keep-script-dialog";
import { TemplateGeneratorDialog } from "@/components/pilot/fix/template-generator-dialog";
import type { PilotFixTemplate } from "@/lib/sessions/pilot-view";

type Props = {
  sessionId: string;
  fix: PilotFix;
  info: FixScriptInfo;
  /** The page's template for a template-matched fix; for another fix id it is stale and ignored. */
  fixTemplate: PilotFixTemplate | null;
};

const link = "font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600";

function fallbackNotice(template: PilotFixTemplate["template"]): string {
  return template
    ? "The template this fix pointed at is archived; choose how to keep the script."
    : "The template this fix pointed at was deleted; choose how to keep the script.";
}

/**
 * D2 on the fix card: "Use this template" opens the generator for a template-matched fix; any
 * other fix (or one whose template is archived or gone) gets "Keep the script", the three-option
 * dialog. A fix that didn't work or was dismissed offers neither.
 */
export function FixScriptActions({ sessionId, fix, info, fixTemplate }: Props) {
  const [open, setOpen] = useState(false);
  if (fix.status === "dismissed" || fix.status === "applied_failed") return null;

  const matched = info.templateId ? (fixTemplate?.fixId === fix.id ? fixTemplate : undefined) : null;
  // A chat turn brought a template fix the page has not loaded the template for yet; the refresh is on its way.
  if (matched === undefined) return null;
  const template = matched?.template ?? null;

  if (template && !template.archived_at) {
    return (
      <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-amber-100 pt-3">
        <p className="min-w-0 flex-1 text-sm text-slate-700">
          <LibraryBig aria-hidden className="mr-1 inline size-4 align-[-3px] text-indigo-600" />
          Matches the team template <span className="font-medium text-slate-900">{template.name}</span>.
        </p>
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
          Use this template
        </Button>
        <TemplateGeneratorDialog sessionId={sessionId} template={template} values={info.draftedValues} open={open} onOpenChange={setOpen} />
      </div>
    );
  }

  const notice = matched ? fallbackNotice(template) : undefined;
  const queued = info.decision === "draft_template";
  return (
    <div className="mt-3 space-y-2 border-t border-amber-100 pt-3">
      {notice && <p className="text-sm text-amber-900">{notice}</p>}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p className="min-w-0 flex-1 text-sm text-slate-700">
          {queued ? (
            <>
              A draft template is queued from this script. <Link href="/scripts/drafts" className={link}>Review drafts</Link>
            </>
          ) : info.decision === "one_off" ? (
            "Kept as a one-off script."
          ) : info.decision === "build_template" ? (
            <>
              Sent to the script builder.{" "}
              <Link href={`/scripts/builder?from_session=${sessionId}&fix=${fix.id}`} className={link}>
                Open the builder
              </Link>
            </>
          ) : (
            "Worth keeping? Save the script as a one-off or turn it into a team template."
          )}
        </p>
        {!queued && (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            <FileCode2 aria-hidden className="size-4" />
            Keep the script
          </Button>
        )}
      </div>
      <KeepScriptDialog
        key={fix.id}
        sessionId={sessionId}
        fixId={fix.id}
        script={info.script}
        initialScript={info.script ?? (template ? fillTemplateBody(template.body, info.draftedValues) : "")}
        values={info.draftedValues}
        notice={notice}
        open={open}
        onOpenChange={setOpen}
      />
    </div>
  );
}
