import type { ReactNode } from "react";
import { getMe } from "@/lib/accounts/me";
import { findViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { listNotifications } from "@/lib/notifications/bell";
import { isDevMailbox } from "@/lib/notifications/email";
import { getShellCounts } from "@/lib/shell/sidebar-counts";
import { EscalationStreamProvider } from "@/components/realtime/escalation-stream-provider";
import { AppShell } from "@/components/shell/app-shell";
import { LiveCountsProvider } from "@/components/shell/live-counts-provider";

/** Stamps each server render of the shell, so the live counts know a fresher render arrived. */
function renderStamp() {
  return Date.now();
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Null when signed out: the layout can't know the URL, so it leaves redirecting to the page.
  const viewer = await findViewer();
  // Every page calls requireViewer with its own path, so a signed-out visitor is sent to
  // sign in and returns to the deep link; the shell is never rendered for them.
  if (!viewer) return children;
  const live = roleAllows("engineerOrAdmin", viewer.role);
  // The counts and where the tab's stream resumes come from one snapshot (getShellCounts), so the
  // live counts miss no event; the bell's list is read afresh whenever its menu opens. The viewer
  // already carries the account's name, so the user menu costs no further read.
  const [{ counts, resumeFrom }, me, notifications] = await Promise.all([getShellCounts(viewer), getMe(viewer), listNotifications(viewer)]);
  const shellCounts = { escalations: counts.escalations, scripts: counts.pendingDrafts, unread: counts.unreadNotifications };
  const navCounts = { escalations: shellCounts.escalations, scripts: shellCounts.scripts };
  const shell = (
    <LiveCountsProvider counts={shellCounts} renderedAt={renderStamp()}>
      <AppShell
        role={viewer.role}
        navCounts={navCounts}
        user={{ name: me.name, email: me.email, role: me.role, accountName: me.account.name, devMailbox: isDevMailbox() }}
        unreadCount={shellCounts.unread}
        notifications={notifications}
      >
        {children}
      </AppShell>
    </LiveCountsProvider>
  );
  // One escalation stream per tab, for the people it is for (the endpoint refuses viewers).
  return live ? <EscalationStreamProvider resumeFrom={resumeFrom}>{shell}</EscalationStreamProvider> : shell;
}
