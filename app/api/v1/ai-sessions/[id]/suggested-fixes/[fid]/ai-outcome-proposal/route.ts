import { clearOutcomeProposal } from "@/lib/fixes/fix-outcome";
import { fixParams } from "@/lib/fixes/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const DELETE = withViewer("engineerOrAdmin", fixParams, (viewer, params) => clearOutcomeProposal(viewer, params));
