"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { actionErrorMessage } from "@/components/ui/action-error-message";
import { InlineStatus, type SaveStatus } from "@/components/ui/inline-status";
import { ComboboxPicker, type PickerItem } from "@/components/ui/combobox-picker";
import { useHydrated } from "@/components/settings/use-hydrated";
import type { MemberOption } from "@/lib/psa/member-mapping";
import type { PsaMemberRef } from "@/lib/psa/provider";
import { setMemberOverrideAction } from "@/app/(app)/settings/actions";

type Props = { member: PsaMemberRef | null; override: boolean; members: MemberOption[]; warning: string | null };

const itemOf = (member: MemberOption): PickerItem => ({ value: member.id, label: member.name, description: member.identifier });

/**
 * "Your ConnectWise member" (G5 "Mine"): the member matched by email unless you pick another one;
 * "Use the email match" drops the override. Saves as soon as a member is picked.
 */
export function PsaMemberPicker({ member, override, members, warning }: Props) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  const hydrated = useHydrated();

  async function save(memberId: string | null) {
    setStatus({ kind: "saving" });
    const result = await setMemberOverrideAction({ member_id: memberId }).catch(() => undefined);
    const message = actionErrorMessage(result);
    if (message || !result?.data) return setStatus({ kind: "error", message: message ?? "Your member was not saved. Try again." });
    setStatus({ kind: "saved", message: memberId ? `Saved: ${result.data.member?.name ?? memberId}` : "Back to matching by email" });
  }

  const summary = member
    ? `${override ? "Set by you" : "Matched by your email"}: ${member.name} (${member.identifier})`
    : "No ConnectWise member matches your email. Pick yourself so “Mine” on the Tickets page finds your tickets.";
  return (
    <div className="py-4">
      <p id="psa-member-label" className="text-sm font-medium text-slate-900">
        Your ConnectWise member
      </p>
      <p className="mt-0.5 text-sm text-slate-600" data-testid="psa-member-current">
        {summary}
      </p>
      <div className="mt-2 flex max-w-xl flex-wrap items-center gap-2">
        <ComboboxPicker
          labelId="psa-member-label"
          valueLabel={member ? `${member.name} (${member.identifier})` : "Pick a member…"}
          value={member?.id ?? null}
          items={members.map(itemOf)}
          onSelect={(item) => void save(item.value)}
          searchLabel="Search ConnectWise members"
          placeholder="Name or identifier"
          emptyText="No member matches"
          notice={warning ? `ConnectWise would not list its members: ${warning}` : undefined}
          disabled={!hydrated || status.kind === "saving"}
          className="w-full min-w-0 sm:w-72"
          testId="psa-member-picker"
        />
        {override && (
          <Button variant="ghost" size="sm" disabled={!hydrated || status.kind === "saving"} onClick={() => void save(null)}>
            Use the email match
          </Button>
        )}
      </div>
      <InlineStatus status={status} className="mt-1.5" />
    </div>
  );
}
