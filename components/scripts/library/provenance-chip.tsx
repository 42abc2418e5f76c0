import Link from "next/link";
import { History } from "lucide-react";
import type { TemplateProvenance } from "@/lib/scripts/templates/template-view";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";

/** H1: "Generated from ticket CW #48210 · resolved by Jamie Junior", linking to the session it came from. */
export function ProvenanceChip({ provenance, className }: { provenance: TemplateProvenance; className?: string }) {
  const source = provenance.ticket_ref ? `Generated from ticket ${provenance.ticket_ref}` : "Generated from a pilot session";
  const text = provenance.resolved_by ? `${source} · resolved by ${provenance.resolved_by.name}` : source;
  const look = cn(
    "inline-flex max-w-full items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-800 ring-1 ring-emerald-600/20 ring-inset",
    className,
  );
  const content = (
    <>
      <History aria-hidden className="size-3.5 shrink-0" />
      <span className="truncate">{text}</span>
    </>
  );
  if (!provenance.session_id) return <span className={look}>{content}</span>;
  return (
    <Link href={`/pilot/${provenance.session_id}`} className={cn(look, "hover:bg-emerald-100", focusRing)} title="Open the session this template came from">
      {content}
    </Link>
  );
}
