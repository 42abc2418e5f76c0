import { Spinner } from "@/components/ui/spinner";

/** What a PSA-backed section shows while the server asks ConnectWise. */
export function PsaSectionLoading({ what }: { what: string }) {
  return (
    <p role="status" className="flex items-center gap-2 py-4 text-sm text-slate-600">
      <Spinner /> {what}
    </p>
  );
}
