import { withViewer } from "@/lib/http/with-viewer";
import { listPsaBoardStatuses } from "@/lib/psa/lists";
import { boardIdParams } from "@/lib/psa/ticket-schemas";

export const GET = withViewer("signedIn", boardIdParams, (viewer, { id }) => listPsaBoardStatuses(viewer, id));
