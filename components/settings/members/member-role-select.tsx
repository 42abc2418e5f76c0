"use client";

import { useId } from "react";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { NativeSelect } from "@/components/ui/native-select";
import { changeMemberRoleAction } from "@/app/(app)/settings/members/actions";
import { roleLabel } from "@/components/settings/members/role-labels";
import { useMemberAction } from "@/components/settings/members/use-member-action";

type Props = {
  member: { id: string; name: string; role: UserRole };
  /** The roles the viewer may give; the member's own role is always listed. */
  grantable: UserRole[];
  /** Why the viewer can't change this member's role; the select is disabled and says so. */
  disabledReason: string | null;
};

/** The role of one member, changed on select; a refusal leaves the old role and shows why. */
export function MemberRoleSelect({ member, grantable, disabledReason }: Props) {
  const id = useId();
  const { pending, run } = useMemberAction();
  const roles = Array.from(new Set<UserRole>([member.role, ...grantable]));
  return (
    <div className="min-w-36">
      <label htmlFor={id} className="sr-only">Role of {member.name}</label>
      <NativeSelect
        id={id}
        value={member.role}
        disabled={pending || Boolean(disabledReason)}
        aria-describedby={disabledReason ? `${id}-reason` : undefined}
        options={roles.map((role) => ({ value: role, label: roleLabel[role] }))}
        onChange={(event) => {
          const role = event.target.value as UserRole;
          run(() => changeMemberRoleAction({ id: member.id, role }), { success: `${member.name} is now ${roleLabel[role].toLowerCase()}`, failure: "The role was not changed" });
        }}
      />
      {disabledReason && <p id={`${id}-reason`} className="mt-1 text-xs text-slate-500">{disabledReason}</p>}
    </div>
  );
}
