import { decideFix } from "@/lib/fixes/fix-decision";
import { decideFixInput } from "@/lib/fixes/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const POST = withViewer("engineerOrAdmin", decideFixInput, (viewer, input) => decideFix(viewer, input));
