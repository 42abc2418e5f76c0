import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { requireViewer } from "@/lib/auth/require-viewer";
import { PageHeader } from "@/components/ui/page-header";
import { ComingSoonPanel } from "@/components/shell/coming-soon-panel";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  await requireViewer("signedIn", "/analytics");
  return (
    <div className="space-y-6">
      <PageHeader title="Analytics" description="How quickly escalations get picked up and worked." />
      <ComingSoonPanel
        icon={BarChart3}
        title="Escalation response time"
        summary="For engineers, admins and owners: how long it takes from a senior claiming an escalation to their first action on it."
        planned={[
          "Average, median and 95th percentile over the last 7, 30 or 90 days.",
          "How many escalations were claimed, and how many of those saw an action.",
          "A plain statement of what the metric measures and what it leaves out.",
        ]}
      />
    </div>
  );
}
