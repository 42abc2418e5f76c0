import { escalationMetricInput } from "@/lib/analytics/schemas";
import { getReopenMetric } from "@/lib/analytics/reopen-metric";
import { withViewer } from "@/lib/http/with-viewer";

/** L3: the reopen rate (reopened / resolved sessions) for the viewer's own account. */
export const GET = withViewer("engineerOrAdmin", escalationMetricInput, (viewer, input) => getReopenMetric(viewer, input));
