"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { CircleAlert } from "lucide-react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { ErrorCallout } from "@/components/ui/error-callout";
import { NativeSelect } from "@/components/ui/native-select";
import { useActionRunner } from "@/components/pilot/use-action-runner";
import type { DraftedValue } from "@/components/pilot/fix/fix-script-info";
import { HighlightedScriptEditor } from "@/components/pilot/fix/highlighted-script-editor";
import { KeepScriptOptions, type KeepDecision } from "@/components/pilot/fix/keep-script-options";
import { KeepScriptResult } from "@/components/pilot/fix/keep-script-result";
import { keepFixScriptAction } from "@/app/(app)/pilot/[id]/fix-actions";
import type { DecisionResult } from "@/lib/fixes/fix-decision";

type Language = "powershell" | "bash" | "python" | "cmd";
const LANGUAGES = [
  { value: "", label: "Detect from the script" },
  { value: "powershell", label: "PowerShell" },
  { value: "bash", label: "Bash" },
  { value: "python", label: "Python" },
  { value: "cmd", label: "Command prompt (cmd)" },
];

type Props = {
  sessionId: string;
  fixId: string;
  /** The script the fix carries; null when there is none yet. */
  script: string | null;
  /** What the editor starts with: the fix's script, or the archived template's body filled in. */
  initialScript: string;
  values: Record<string, DraftedValue>;
  /** Why the dialog opened instead of the generator (the matched template is archived or gone). */
  notice?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/**
 * D2 for a fix without a (usable) template: keep the script as a one-off, queue a draft template
 * (recommended), or build one in the script builder. The script is editable first, with the
 * values the model proposed for this session highlighted; an edit travels as `edited_script`.
 */
export function KeepScriptDialog({ sessionId, fixId, script, initialScript, values, notice, open, onOpenChange }: Props) {
  const router = useRouter();
  const action = useActionRunner();
  const [text, setText] = useState(initialScript);
  const [language, setLanguage] = useState<Language | "">("");
  const [pending, setPending] = useState<KeepDecision | null>(null);
  const [result, setResult] = useState<DecisionResult | null>(null);
  // The fix's script can change while the dialog is closed (the inline builder saves one): start from the new one.
  const [startedFrom, setStartedFrom] = useState(initialScript);
  if (!open && startedFrom !== initialScript) {
    setStartedFrom(initialScript);
    setText(initialScript);
  }

  function changeOpen(next: boolean) {
    if (pending) return;
    onOpenChange(next);
    if (!next) {
      // Opening again starts from the fix as it is now.
      setResult(null);
      setText(initialScript);
      action.setError(null);
    }
  }

  async function choose(decision: KeepDecision) {
    setPending(decision);
    const edited = text.trim() && text !== script ? text : null;
    const done = await action.run(() =>
      keepFixScriptAction({ id: sessionId, fid: fixId, decision, edited_script: edited, language: language || null }),
    );
    if (done?.redirect_path) {
      router.push(done.redirect_path);
      return; // the dialog goes with the page
    }
    setPending(null);
    if (done) setResult(done);
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogContent
        title="Keep the script"
        description={result ? undefined : "Choose how this fix's script is kept. A draft template turns a fix that worked into a team asset."}
        className="max-w-2xl"
      >
        {result ? (
          <KeepScriptResult result={result} />
        ) : (
          <div className="mt-4 space-y-4">
            {notice && (
              <p role="status" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
                {notice}
              </p>
            )}
            <HighlightedScriptEditor
              label="Script to keep"
              value={text}
              onChange={setText}
              values={values}
              disabled={pending !== null}
              placeholder="No script on this fix yet. Paste one here, or build one in the script builder."
            />
            <div className="flex flex-wrap items-center gap-2">
              <label htmlFor="keep-script-language" className="text-sm font-medium text-slate-900">
                Language
              </label>
              <NativeSelect
                id="keep-script-language"
                options={LANGUAGES}
                value={language}
                onChange={(event) => setLanguage(event.target.value as Language | "")}
                disabled={pending !== null}
                wrapperClassName="w-56"
              />
            </div>
            <KeepScriptOptions hasScript={text.trim().length > 0} pending={pending} onChoose={(decision) => void choose(decision)} />
            {action.error && <ErrorCallout>{action.error}</ErrorCallout>}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
