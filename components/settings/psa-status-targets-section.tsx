import { ErrorCallout } from "@/components/ui/error-callout";
import { PsaStatusTargetPicker } from "@/components/settings/psa-status-target-picker";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { getPsaStatusTargets, type StatusTargets } from "@/lib/psa/status-targets";

async function loadTargets(viewer: Viewer): Promise<StatusTargets | null | { error: string }> {
  try {
    return await getPsaStatusTargets(viewer);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}

const pickers = [
  { target: "resolved", label: "Resolved status", description: "Set on the ticket after the resolution note is posted." },
  { target: "escalated", label: "Escalated status", description: "Set on the ticket after the escalation package is posted as an internal note." },
] as const;

/**
 * SPEC E4: where linked tickets move when a session is resolved or escalated, picked from the
 * boards' real statuses. Rendered inside a Suspense boundary: it waits for ConnectWise.
 */
export async function PsaStatusTargetsSection({ viewer, canEdit }: { viewer: Viewer; canEdit: boolean }) {
  const targets = await loadTargets(viewer);
  if (targets === null) return <p className="py-4 text-sm text-slate-600">Connect ConnectWise first; then pick the statuses here.</p>;
  if ("error" in targets) return <ErrorCallout className="my-4">{targets.error}</ErrorCallout>;
  return (
    <>
      {targets.warning && (
        <ErrorCallout className="my-4">
          ConnectWise would not list the boards and statuses: {targets.warning}
        </ErrorCallout>
      )}
      {!targets.warning && targets.boards.length === 0 && <p className="py-4 text-sm text-slate-600">ConnectWise lists no active service boards for this key.</p>}
      {pickers.map(({ target, label, description }) => {
        const current = targets[target];
        const initialStatuses = current.board_id ? (targets.statuses[current.board_id] ?? []) : [];
        return (
          <PsaStatusTargetPicker
            key={target}
            target={target}
            label={label}
            description={description}
            boards={targets.boards}
            current={current}
            initialStatuses={initialStatuses}
            boardsUnavailable={targets.warning !== null}
            canEdit={canEdit}
          />
        );
      })}
    </>
  );
}
