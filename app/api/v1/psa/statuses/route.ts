import { withViewer } from "@/lib/http/with-viewer";
import { listPsaStatusNames } from "@/lib/psa/lists";
import { noInput } from "@/lib/psa/ticket-schemas";

/** G2: status names across every board, deduped, for filtering by status when no board is picked. */
export const GET = withViewer("signedIn", noInput, (viewer) => listPsaStatusNames(viewer));
