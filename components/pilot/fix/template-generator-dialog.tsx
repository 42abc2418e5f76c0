"use client";

import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { ScriptGenerator, type GeneratorPrefill } from "@/components/scripts/generator/script-generator";
import type { DraftedValue } from "@/components/pilot/fix/fix-script-info";
import type { TemplateView } from "@/lib/scripts/templates/template-view";

/** The drafted values the template declares, each tagged as coming from the session. */
export function prefillFrom(template: Pick<TemplateView, "parameters">, values: Record<string, DraftedValue>): GeneratorPrefill {
  const prefill: GeneratorPrefill = {};
  for (const parameter of template.parameters) {
    if (Object.hasOwn(values, parameter.name)) prefill[parameter.name] = { value: values[parameter.name]!, source: "session" };
  }
  return prefill;
}

type Props = {
  sessionId: string;
  template: TemplateView;
  values: Record<string, DraftedValue>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/**
 * D2 for a template-matched fix: the library's generator (H2) in a dialog, pre-filled from the
 * fix's drafted parameters and linked to the session, so the run bumps its state_version and shows
 * in the session's documents.
 */
export function TemplateGeneratorDialog({ sessionId, template, values, open, onOpenChange }: Props) {
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={template.name}
        meta={<Badge tone="indigo">Team template · v{template.version}</Badge>}
        description={template.description ?? "Fill in the parameters and generate the script for this session."}
        className="max-w-2xl"
      >
        <div className="mt-4">
          <ScriptGenerator template={template} sessionId={sessionId} prefill={prefillFrom(template, values)} onGenerated={() => router.refresh()} />
        </div>
      </DialogContent>
    </Dialog>
  );
}
