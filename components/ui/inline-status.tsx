import { CheckCircle2, CircleAlert, LoaderCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; message: string }
  | { kind: "error"; message: string };

/**
 * The outcome of a save, next to the control that caused it. The live region is always in the
 * DOM so screen readers announce changes; errors use role="alert" and show the server's text.
 */
export function InlineStatus({ status, className }: { status: SaveStatus; className?: string }) {
  if (status.kind === "error") {
    return (
      <p role="alert" className={cn("flex items-start gap-1.5 text-sm text-red-700", className)}>
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {status.message}
      </p>
    );
  }
  return (
    <p role="status" aria-live="polite" className={cn("flex items-center gap-1.5 text-sm", className)}>
      {status.kind === "saving" && (
        <>
          <LoaderCircle aria-hidden className="size-4 text-slate-400 motion-safe:animate-spin" />
          <span className="text-slate-600">Saving…</span>
        </>
      )}
      {status.kind === "saved" && (
        <>
          <CheckCircle2 aria-hidden className="size-4 text-emerald-600" />
          <span className="text-emerald-700">{status.message}</span>
        </>
      )}
    </p>
  );
}
