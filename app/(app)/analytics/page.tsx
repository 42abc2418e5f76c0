import type { Metadata } from "next";
import { Lock } from "lucide-react";
import { getEscalationMetric } from "@/lib/analytics/escalation-metric";
import { getReopenMetric } from "@/lib/analytics/reopen-metric";
import { DEFAULT_ESCALATION_PERIOD, escalationMetricInput } from "@/lib/analytics/schemas";
import { requireViewer } from "@/lib/auth/require-viewer";
import { roleAllows } from "@/lib/auth/roles";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EscalationReport } from "@/components/analytics/escalation-report";
import { PeriodSwitcher, periodLabels } from "@/components/analytics/period-switcher";
import { ReopenStats } from "@/components/analytics/reopen-stats";

export const metadata: Metadata = { title: "Analytics" };

type Props = { searchParams: Promise<{ period?: string | string[] }> };

export default async function AnalyticsPage({ searchParams }: Props) {
  const viewer = await requireViewer("signedIn", "/analytics");
  const header = <PageHeader title="Analytics" description="How quickly claimed escalations get worked, and how many resolutions came back." />;
  if (!roleAllows("engineerOrAdmin", viewer.role)) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState icon={Lock} title="Analytics are for engineers and admins">
          Your role can read sessions but not team analytics. Ask an owner or admin if you need access.
        </EmptyState>
      </div>
    );
  }
  // An unknown ?period= falls back to the default instead of failing the page (the API 422s).
  const parsed = escalationMetricInput.safeParse({ period: (await searchParams).period });
  const period = parsed.success ? parsed.data.period : DEFAULT_ESCALATION_PERIOD;
  const [metric, reopens] = await Promise.all([getEscalationMetric(viewer, { period }), getReopenMetric(viewer, { period })]);
  return (
    <div className="space-y-6">
      {header}
      <PeriodSwitcher current={period} basePath="/analytics" />
      <EscalationReport metric={metric} periodLabel={periodLabels[period]} />
      <ReopenStats metric={reopens} periodLabel={periodLabels[period]} />
    </div>
  );
}
