"use client";

import type { PsaMember } from "@/lib/psa/provider";
import { ComboboxPicker, type PickerItem } from "@/components/ui/combobox-picker";
import type { ListResult } from "@/components/tickets/ticket-view-types";

const FIXED: PickerItem[] = [
  { value: "all", label: "All tickets" },
  { value: "mine", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
];

type Props = { labelId: string; value: string; members: ListResult<PsaMember>; onChange: (assigned: string) => void; disabled?: boolean };

/** The label the filter shows for `assigned` (a member id shows that member's name). */
export function assignmentLabel(value: string, members: PsaMember[]): string {
  const fixed = FIXED.find((item) => item.value === value);
  if (fixed) return fixed.label;
  return members.find((member) => member.id === value)?.name ?? `Member #${value}`;
}

/** Assignment: All / Mine / Unassigned, or any member found by typing part of their name. */
export function AssignmentFilter({ labelId, value, members, onChange, disabled }: Props) {
  const memberItems = members.items
    .filter((member) => !member.inactive || member.id === value)
    .map((member) => ({ value: member.id, label: member.name, description: member.identifier }));
  return (
    <ComboboxPicker
      labelId={labelId}
      valueLabel={assignmentLabel(value, members.items)}
      value={value}
      items={[...FIXED, ...memberItems]}
      onSelect={(item) => onChange(item.value)}
      searchLabel="Search members"
      placeholder="Type a name…"
      emptyText="No member matches"
      notice={members.warning ?? members.error}
      disabled={disabled}
      testId="assignment-filter"
    />
  );
}
