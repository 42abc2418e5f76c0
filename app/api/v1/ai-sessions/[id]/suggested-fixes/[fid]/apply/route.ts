import { applyFix } from "@/lib/fixes/fix-outcome";
import { fixParams } from "@/lib/fixes/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const POST = withViewer("engineerOrAdmin", fixParams, (viewer, params) => applyFix(viewer, params));
