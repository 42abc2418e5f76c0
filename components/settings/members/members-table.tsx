import type { UserRole } from "@/lib/generated/prisma/enums";
import type { MemberView } from "@/lib/members/list-members";
import { grantableRoles, manageRefusal } from "@/lib/members/role-rules";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { SettingsSection } from "@/components/settings/settings-section";
import { MemberRoleSelect } from "@/components/settings/members/member-role-select";
import { MemberStateBadge } from "@/components/settings/members/member-state-badge";
import { RemoveMemberButton } from "@/components/settings/members/remove-member-button";
import { SignOutMemberButton } from "@/components/settings/members/sign-out-member-button";
import { roleLabel } from "@/components/settings/members/role-labels";

type Props = { members: MemberView[]; viewer: { id: string; role: UserRole } };

/** Why the viewer can't change `member`, or null when they can (the server decides the same way). */
function refusalFor(member: MemberView, viewer: Props["viewer"]): string | null {
  if (member.id === viewer.id) return "This is you; another owner changes your role.";
  return manageRefusal(viewer.role, member.role);
}

/** Everyone on the team: role (changeable where allowed), last sign-in, state, Sign out everywhere and Remove. */
export function MembersTable({ members, viewer }: Props) {
  const grantable = grantableRoles(viewer.role);
  return (
    <SettingsSection id="settings-members" title="Team members" description="Role changes apply on the person's next click. The last owner can't be demoted or removed.">
      <div role="region" aria-label="Team members" tabIndex={0} className={`relative -mx-5 overflow-x-auto sm:-mx-6 ${focusRing}`}>
        <table className="w-full min-w-[44rem] text-left text-sm">
          <caption className="sr-only">Team members, active first</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3 pl-5 font-medium sm:pl-6">Name</th>
              <th scope="col" className="py-2 pr-3 font-medium">Role</th>
              <th scope="col" className="py-2 pr-3 font-medium">Last sign-in</th>
              <th scope="col" className="py-2 pr-3 font-medium">State</th>
              <th scope="col" className="py-2 pr-5 font-medium sm:pr-6"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="text-slate-900">
            {members.map((member) => {
              const refusal = refusalFor(member, viewer);
              const active = member.state === "active";
              return (
                <tr key={member.id} data-testid="member-row" className="border-t border-slate-100 align-top">
                  <td className="py-2.5 pr-3 pl-5 sm:pl-6">
                    <div className="font-medium">{member.name}{member.id === viewer.id && <span className="ml-1 font-normal text-slate-500">(you)</span>}</div>
                    <div className="break-all text-slate-600">{member.email}</div>
                  </td>
                  <td className="py-2.5 pr-3">
                    {active ? <MemberRoleSelect member={member} grantable={grantable} disabledReason={refusal} /> : <span className="text-slate-600">{roleLabel[member.role]}</span>}
                  </td>
                  <td className="py-2.5 pr-3 text-slate-700">
                    {member.last_sign_in_at ? <RelativeTime date={member.last_sign_in_at} /> : <span className="text-slate-500">Never</span>}
                  </td>
                  <td className="py-2.5 pr-3"><MemberStateBadge state={member.state} /></td>
                  <td className="py-2.5 pr-5 text-right sm:pr-6">
                    {active && !refusal && (
                      <div className="flex justify-end gap-1">
                        <SignOutMemberButton member={member} />
                        <RemoveMemberButton member={member} />
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </SettingsSection>
  );
}
