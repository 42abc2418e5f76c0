"use client";

import { useId, useState, type ChangeEvent } from "react";
import type { PsaRef, PsaStatus, PsaTicket } from "@/lib/psa/provider";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { NativeSelect } from "@/components/ui/native-select";
import { PsaHints } from "@/components/tickets/psa-hints";
import type { ListResult } from "@/components/tickets/ticket-view-types";
import { changeTicketStatusAction } from "@/app/(app)/tickets/actions";

type Props = {
  ticketId: string;
  status: PsaRef | null;
  /** The statuses of the ticket's own board (a status from another board would be silently ignored). */
  statuses: ListResult<PsaStatus>;
  onChanged: (ticket: PsaTicket) => void;
};

function optionsFor(statuses: PsaStatus[], current: PsaRef | null) {
  const shown = statuses.filter((status) => !status.inactive || status.id === current?.id).sort((a, b) => a.sort_order - b.sort_order);
  const options = shown.map((status) => ({ value: status.id, label: status.name }));
  if (current && !shown.some((status) => status.id === current.id)) options.unshift({ value: current.id, label: current.name });
  if (!current) options.unshift({ value: "", label: "No status" });
  return options;
}

/**
 * G3: the ticket's status. The select shows the status the server verified (`new_status_id`),
 * not the one picked: on a silent rejection (502) it snaps back and says why, in ConnectWise's
 * words. It owns that value, so a stale copy of the ticket elsewhere can't revert it.
 */
export function TicketStatusSelect({ ticketId, status, statuses, onChanged }: Props) {
  const id = useId();
  const [current, setCurrent] = useState<PsaRef | null>(status);
  const [save, setSave] = useState<SaveStatus>({ kind: "idle" });
  const [picked, setPicked] = useState<string | null>(null);
  const pending = picked !== null;

  async function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    const statusId = event.target.value;
    // One change at a time; the select stays focusable (and controlled) while one is checked.
    if (pending || !statusId || statusId === current?.id) return;
    const name = statuses.items.find((entry) => entry.id === statusId)?.name ?? `status #${statusId}`;
    setPicked(statusId);
    setSave({ kind: "saving" });
    const result = await changeTicketStatusAction({ id: ticketId, status_id: statusId }).catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    setPicked(null);
    const data = result?.data;
    if (!data) {
      setSave({ kind: "error", message: actionErrorMessage(result) ?? "The status was not changed. Try again." });
      return;
    }
    const verified = data.new_status_id ? { id: data.new_status_id, name: data.new_status ?? name } : data.ticket.status;
    setCurrent(verified);
    setSave({ kind: "saved", message: `Moved to "${verified?.name ?? name}", confirmed by ConnectWise.` });
    onChanged(data.ticket);
  }

  return (
    <div>
      <label htmlFor={`${id}-status`} className="mb-1 block text-xs font-medium text-slate-600">
        Status
      </label>
      <NativeSelect
        id={`${id}-status`}
        value={picked ?? current?.id ?? ""}
        disabled={statuses.items.length === 0}
        aria-busy={pending || undefined}
        onChange={handleChange}
        options={optionsFor(statuses.items, current)}
        data-status-id={current?.id ?? ""}
        wrapperClassName="max-w-72"
      />
      <PsaHints hints={[statuses.warning, statuses.error]} className="mt-2" />
      <InlineStatus status={save} className="mt-1.5" />
    </div>
  );
}
