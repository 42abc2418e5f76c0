import { escalationMetricInput } from "@/lib/analytics/schemas";
import { getEscalationMetric } from "@/lib/analytics/escalation-metric";
import { withViewer } from "@/lib/http/with-viewer";

/** SPEC I1: the escalation claim-to-first-action metric for the viewer's own account. */
export const GET = withViewer("engineerOrAdmin", escalationMetricInput, (viewer, input) => getEscalationMetric(viewer, input));
