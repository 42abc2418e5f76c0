import { withViewer } from "@/lib/http/with-viewer";
import { getGeneration } from "@/lib/scripts/generate/read-generations";
import { generationIdParams } from "@/lib/scripts/generate/schemas";

export const GET = withViewer("signedIn", generationIdParams, (viewer, { id }) => getGeneration(viewer, id));
