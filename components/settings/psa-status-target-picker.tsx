"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { Spinner } from "@/components/ui/spinner";
import { NativeSelect } from "@/components/ui/native-select";
import { useHydrated } from "@/components/settings/use-hydrated";
import type { PsaBoard, PsaStatus } from "@/lib/psa/provider";
import type { StatusTarget, TargetKind } from "@/lib/psa/status-targets";
import { listTargetStatusesAction, setPsaStatusTargetAction } from "@/app/(app)/settings/actions";

type Props = {
  target: TargetKind;
  label: string;
  description: string;
  boards: PsaBoard[];
  current: StatusTarget;
  /** Statuses of `current.board_id`, read by the server. */
  initialStatuses: PsaStatus[];
  /** ConnectWise would not list the boards, so a saved status could not be looked up. */
  boardsUnavailable?: boolean;
  canEdit: boolean;
};

/** What is saved, in words: a status id is only ever shown with what it is and why its name is missing. */
function currentText(current: StatusTarget, boards: PsaBoard[], boardsUnavailable: boolean): string {
  if (!current.status_id) return "Not set: the note is posted and the ticket keeps its status.";
  if (!current.board_id && boardsUnavailable) return `Saved: ConnectWise status #${current.status_id}. Its name can't be shown until ConnectWise lists the boards again.`;
  if (!current.board_id) return `Saved: ConnectWise status #${current.status_id}, which is not on any active board any more; pick another.`;
  const board = boards.find((candidate) => candidate.id === current.board_id);
  return `Currently “${current.status_name}” on ${board?.name ?? `board #${current.board_id}`}.`;
}

/** One target status (SPEC E4): pick a board, then one of that board's real statuses, and save it. */
export function PsaStatusTargetPicker({ target, label, description, boards, current, initialStatuses, boardsUnavailable = false, canEdit }: Props) {
  const [boardId, setBoardId] = useState(current.board_id ?? "");
  const [statusId, setStatusId] = useState(current.board_id ? (current.status_id ?? "") : "");
  const [statuses, setStatuses] = useState<Record<string, PsaStatus[]>>(current.board_id ? { [current.board_id]: initialStatuses } : {});
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const hydrated = useHydrated();
  const id = `psa-target-${target}`;
  const shown = boardId ? statuses[boardId] : undefined;

  async function chooseBoard(next: string) {
    setBoardId(next);
    setStatusId("");
    setStatus({ kind: "idle" });
    if (!next || statuses[next]) return;
    setLoading(true);
    const result = await listTargetStatusesAction({ board_id: next }).catch(() => undefined);
    setLoading(false);
    const message = actionErrorMessage(result);
    if (message || !result?.data) return setStatus({ kind: "error", message: message ?? "The statuses could not be loaded. Try again." });
    setStatuses((known) => ({ ...known, [next]: result.data }));
  }

  async function save(nextStatus: string | null) {
    setStatus({ kind: "saving" });
    const result = await setPsaStatusTargetAction({ target, board_id: nextStatus ? boardId : null, status_id: nextStatus }).catch(() => undefined);
    const message = actionErrorMessage(result);
    if (message || !result?.data) return setStatus({ kind: "error", message: message ?? "The status was not saved. Try again." });
    if (!nextStatus) setStatusId("");
    setStatus({ kind: "saved", message: nextStatus ? `Saved: “${result.data.status_name}”` : "Cleared" });
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!statusId) return setStatus({ kind: "error", message: "Pick a board, then one of its statuses." });
    void save(statusId);
  }

  const disabled = !canEdit || !hydrated || status.kind === "saving";
  return (
    <form onSubmit={handleSubmit} noValidate className="py-4">
      <h3 id={`${id}-title`} className="text-sm font-medium text-slate-900">{label}</h3>
      <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      <p className="mt-1 text-sm text-slate-800" data-testid={`${id}-current`}>{currentText(current, boards, boardsUnavailable)}</p>
      <div className="mt-2 grid max-w-xl grid-cols-1 gap-2 sm:grid-cols-2">
        <div className="min-w-0">
          <label htmlFor={`${id}-board`} className="text-xs font-medium text-slate-700">{label} board</label>
          <NativeSelect
            id={`${id}-board`}
            value={boardId}
            disabled={disabled}
            onChange={(event) => void chooseBoard(event.target.value)}
            options={[{ value: "", label: "Pick a board…" }, ...boards.map((board) => ({ value: board.id, label: board.name }))]}
            wrapperClassName="mt-1"
          />
        </div>
        <div className="min-w-0">
          <label htmlFor={`${id}-status`} className="text-xs font-medium text-slate-700">{label}</label>
          <NativeSelect
            id={`${id}-status`}
            value={statusId}
            disabled={disabled || !shown || loading}
            onChange={(event) => setStatusId(event.target.value)}
            options={[
              { value: "", label: loading ? "Loading statuses…" : shown ? "Pick a status…" : "Pick a board first" },
              ...(shown ?? []).map((option) => ({ value: option.id, label: option.closed ? `${option.name} (closes the ticket)` : option.name })),
            ]}
            wrapperClassName="mt-1"
          />
        </div>
      </div>
      {loading && (
        <p role="status" className="mt-1.5 flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Loading the board&apos;s statuses from ConnectWise…
        </p>
      )}
      {shown && shown.length === 0 && <p className="mt-1.5 text-sm text-slate-600">This board has no active statuses.</p>}
      {canEdit && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <Button type="submit" variant="secondary" size="sm" disabled={disabled}>
            Save<span className="sr-only"> {label.toLowerCase()}</span>
          </Button>
          {current.status_id && (
            <Button variant="ghost" size="sm" disabled={disabled} onClick={() => void save(null)}>
              Clear<span className="sr-only"> {label.toLowerCase()}</span>
            </Button>
          )}
          <InlineStatus status={status} />
        </div>
      )}
    </form>
  );
}
