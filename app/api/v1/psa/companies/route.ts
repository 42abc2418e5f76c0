import { withViewer } from "@/lib/http/with-viewer";
import { listPsaCompanies } from "@/lib/psa/lists";
import { listCompaniesInput } from "@/lib/psa/ticket-schemas";

export const GET = withViewer("signedIn", listCompaniesInput, (viewer, { q }) => listPsaCompanies(viewer, q));
