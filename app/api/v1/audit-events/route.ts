import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditEventsInput } from "@/lib/audit/schemas";
import { withViewer } from "@/lib/http/with-viewer";

/** Settings → Audit: the account's audit trail, 20 a page, newest first (owners and admins). */
export const GET = withViewer("ownerOrAdmin", listAuditEventsInput, (viewer, input) => listAuditEvents(viewer, input));
