import { withViewer } from "@/lib/http/with-viewer";
import { listGenerations } from "@/lib/scripts/generate/read-generations";
import { listGenerationsInput } from "@/lib/scripts/generate/schemas";

export const GET = withViewer("signedIn", listGenerationsInput, (viewer, input) => listGenerations(viewer, input));
