import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/focus-ring";
import { RelativeTime } from "@/components/ui/relative-time";
import { AuditDiff } from "@/components/settings/audit/audit-diff";
import { auditTargetLabel } from "@/components/settings/audit/audit-target";
import type { AuditEventView } from "@/lib/audit/list-audit-events";

/** One page of the audit trail: when, who, what, the target, and a Details disclosure per event. */
export function AuditTable({ events }: { events: AuditEventView[] }) {
  return (
    // Relative, so the visually hidden text inside is positioned within the scroller and can't widen the page.
    <div role="region" aria-label="Audit events" tabIndex={0} className={cn("relative overflow-x-auto rounded-xl border border-slate-200 bg-white", focusRing)}>
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Changes made in your account, newest first</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 pl-4 font-medium">When</th>
            <th scope="col" className="py-2 pr-3 font-medium">Who</th>
            <th scope="col" className="py-2 pr-3 font-medium">What</th>
            <th scope="col" className="py-2 pr-4 font-medium">Target</th>
          </tr>
        </thead>
        <tbody className="text-slate-900">
          {events.map((event) => (
            <tr key={event.id} className="border-t border-slate-100 align-top">
              <td className="py-2.5 pr-3 pl-4 whitespace-nowrap text-slate-700">
                <RelativeTime date={event.created_at} />
              </td>
              <td className="py-2.5 pr-3 font-medium">{event.actor?.name ?? "FlowPilot"}</td>
              <td className="max-w-md py-2.5 pr-3">
                <p className="break-words">{event.summary}</p>
                <details className="group mt-1">
                  <summary className={cn("w-fit cursor-pointer rounded text-xs font-medium text-indigo-700 hover:underline", focusRing)}>
                    Details<span className="sr-only"> of “{event.summary}”</span>
                  </summary>
                  <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
                    <AuditDiff before={event.before} after={event.after} />
                  </div>
                </details>
              </td>
              <td className="py-2.5 pr-4 break-words text-slate-700">{auditTargetLabel(event)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
