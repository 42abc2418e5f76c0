"use client";

import { useId, useRef, useState } from "react";
import { UserRound, X } from "lucide-react";
import type { PsaMember, PsaMemberRef } from "@/lib/psa/provider";
import type { ResourceChange } from "@/lib/psa/tickets/ticket-resources";
import { Button } from "@/components/ui/button";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { ComboboxPicker } from "@/components/ui/combobox-picker";
import { PsaHints } from "@/components/tickets/psa-hints";
import type { ListResult } from "@/components/tickets/ticket-view-types";
import { assignTicketMemberAction, unassignTicketMemberAction } from "@/app/(app)/tickets/actions";

type Props = {
  ticketId: string;
  owner: PsaMemberRef | null;
  resources: ListResult<PsaMemberRef>;
  members: ListResult<PsaMember>;
  canWrite: boolean;
  onOwnerChange: (owner: PsaMemberRef | null) => void;
};

type Result = Awaited<ReturnType<typeof assignTicketMemberAction>>;

function addedMessage(name: string, data: { changed: boolean; via: string }) {
  if (!data.changed) return `${name} is already assigned; nothing changed.`;
  return data.via === "owner" ? `${name} is now the owner.` : `${name} was added as a co-assignee.`;
}

/**
 * G4: the owner and co-assignees as ConnectWise lists them (owner + schedule entries, deduped).
 * What Assign and Remove do is the server's rule: owner when unowned, else a co-assignee; the
 * list shown afterwards is the one the server re-read.
 */
export function TicketAssignees({ ticketId, owner: initialOwner, resources, members, canWrite, onOwnerChange }: Props) {
  const labelId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [owner, setOwner] = useState(initialOwner);
  const [assigned, setAssigned] = useState(resources.items);
  const [save, setSave] = useState<SaveStatus>({ kind: "idle" });
  const busy = save.kind === "saving";
  const coAssignees = assigned.filter((member) => member.id !== owner?.id);

  async function change(call: () => Promise<Result | undefined>, done: (data: ResourceChange) => string) {
    setSave({ kind: "saving" });
    const result = await call().catch((error: unknown) => {
      console.error(error);
      return undefined;
    });
    const data = result?.data;
    if (!data) return setSave({ kind: "error", message: actionErrorMessage(result) ?? "That did not work. Try again." });
    setAssigned(data.resources);
    setSave({ kind: "saved", message: done(data) });
  }

  function assign(member: PsaMember) {
    if (busy) return;
    const ref = { id: member.id, identifier: member.identifier, name: member.name };
    void change(() => assignTicketMemberAction({ id: ticketId, member_id: member.id }), (data) => {
      if (data.via === "owner" && data.changed) {
        setOwner(ref);
        onOwnerChange(ref);
      }
      return addedMessage(member.name, data);
    });
  }

  function remove(member: PsaMemberRef) {
    void change(() => unassignTicketMemberAction({ id: ticketId, member_id: member.id }), (data) => {
      if (data.via === "owner" && data.changed) {
        setOwner(null);
        onOwnerChange(null);
      }
      // The Remove button is gone: keep focus in this section (on its heading) rather than lose it.
      sectionRef.current?.querySelector<HTMLElement>("h3")?.focus();
      if (!data.changed) return `${member.name} was not assigned; nothing changed.`;
      return data.via === "owner" ? `${member.name} is no longer the owner.` : `${member.name} was removed as a co-assignee.`;
    });
  }

  const assignable = members.items.filter((member) => !member.inactive && !assigned.some((entry) => entry.id === member.id) && member.id !== owner?.id);
  const row = (member: PsaMemberRef, role: string) => (
    <li key={`${role}-${member.id}`} className="flex items-center justify-between gap-2 py-1.5">
      <span className="flex min-w-0 items-center gap-2 text-sm text-slate-800">
        <UserRound aria-hidden className="size-4 shrink-0 text-slate-400" />
        <span className="truncate">{member.name}</span>
        <span className="text-xs text-slate-500">{role}</span>
      </span>
      {canWrite && (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => remove(member)} aria-label={`Remove ${member.name}`} className="h-7 px-2">
          <X aria-hidden className="size-4" />
          <span className="hidden sm:inline">Remove</span>
        </Button>
      )}
    </li>
  );

  return (
    <section ref={sectionRef} aria-labelledby={labelId} className="space-y-2" data-testid="ticket-assignees">
      <div className="flex items-center justify-between gap-2">
        <h3 id={labelId} tabIndex={-1} className="text-sm font-semibold text-slate-900 focus:outline-none">
          Assigned
        </h3>
        {canWrite && (
          <div data-assign-trigger>
            <ComboboxPicker
              labelId={labelId}
              valueLabel="Assign…"
              value={null}
              variant="button"
              items={assignable.map((member) => ({ value: member.id, label: member.name, description: member.identifier }))}
              onSelect={(item) => {
                const member = members.items.find((entry) => entry.id === item.value);
                if (member) assign(member);
              }}
              searchLabel="Search members to assign"
              placeholder="Type a name…"
              emptyText={members.items.length === 0 ? "No members to pick from" : "No member matches"}
              notice={members.warning ?? members.error}
              testId="assign-member"
            />
          </div>
        )}
      </div>
      <ul aria-label="Assigned members" className="divide-y divide-slate-100">
        {owner ? row(owner, "Owner") : <li className="py-1.5 text-sm text-slate-500">No owner</li>}
        {coAssignees.map((member) => row(member, "Co-assignee"))}
      </ul>
      <PsaHints hints={[resources.warning, resources.error]} />
      <InlineStatus status={save} />
    </section>
  );
}
