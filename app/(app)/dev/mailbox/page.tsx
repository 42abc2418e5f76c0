import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Mail } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { isDevMailbox, listDevMailbox } from "@/lib/notifications/email";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { MailFrame } from "./mail-frame";

export const metadata: Metadata = { title: "Dev mailbox" };

/** Without RESEND_API_KEY, escalation email is kept here instead of being sent (F3, development only). */
export default async function DevMailboxPage() {
  if (!isDevMailbox()) notFound();
  const viewer = await requireViewer("signedIn", "/dev/mailbox");
  const mails = await listDevMailbox(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="Dev mailbox" description={`Email FlowPilot would have sent to ${viewer.email}. Set RESEND_API_KEY to send real mail.`} />
      {mails.length === 0 ? (
        <EmptyState icon={Mail} title="No mail yet">
          When a teammate escalates a session, the email you would get shows up here.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Card className="p-5">
                <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 pb-3">
                  <h2 className="min-w-0 font-semibold wrap-anywhere text-slate-900">{mail.subject}</h2>
                  <RelativeTime date={mail.sentAt} className="text-xs text-slate-500" />
                </div>
                <p className="mt-2 text-xs text-slate-500 wrap-anywhere">To {mail.to}</p>
                <MailFrame subject={mail.subject} html={mail.html} />
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
