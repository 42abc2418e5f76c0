import type { Metadata } from "next";
import { Lock } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listMembers } from "@/lib/members/list-members";
import { grantableRoles } from "@/lib/members/role-rules";
import { isDevMailbox } from "@/lib/notifications/email";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { InvitationsSection } from "@/components/settings/members/invitations-section";
import { InviteMemberDialog } from "@/components/settings/members/invite-member-dialog";
import { MembersTable } from "@/components/settings/members/members-table";

export const metadata: Metadata = { title: "Members" };

/** Settings → Members (A7, K2): who is on the team, their roles, invitations; owners and admins only. */
export default async function MembersPage() {
  const viewer = await requireViewer("signedIn", "/settings/members");
  const header = <PageHeader title="Members" description="Who is on your team, what they may do, and who has been invited." />;
  if (!roleAllows("ownerOrAdmin", viewer.role)) {
    return (
      <div className="space-y-6">
        {header}
        <SettingsTabs role={viewer.role} />
        <EmptyState icon={Lock} title="Members are managed by owners and admins">
          Your role can&apos;t see or change the team&apos;s members. Ask an owner or admin if you need someone added.
        </EmptyState>
      </div>
    );
  }
  const { members, invitations } = await listMembers(viewer);
  const roles = grantableRoles(viewer.role);
  return (
    <div className="space-y-6">
      <PageHeader title="Members" description="Who is on your team, what they may do, and who has been invited." actions={<InviteMemberDialog roles={roles} devMailbox={isDevMailbox()} />} />
      <SettingsTabs role={viewer.role} />
      <MembersTable members={members} viewer={{ id: viewer.userId, role: viewer.role }} />
      <InvitationsSection invitations={invitations} viewerRole={viewer.role} devMailbox={isDevMailbox()} />
      <Toaster />
    </div>
  );
}
