import { withViewer } from "@/lib/http/with-viewer";
import { listPsaBoards } from "@/lib/psa/lists";
import { noInput } from "@/lib/psa/ticket-schemas";

export const GET = withViewer("signedIn", noInput, (viewer) => listPsaBoards(viewer));
