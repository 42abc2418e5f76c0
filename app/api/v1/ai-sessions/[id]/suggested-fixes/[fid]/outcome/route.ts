import { recordFixOutcome } from "@/lib/fixes/fix-outcome";
import { recordOutcomeInput } from "@/lib/fixes/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const PATCH = withViewer("engineerOrAdmin", recordOutcomeInput, (viewer, input) => recordFixOutcome(viewer, input));
