import { withViewer } from "@/lib/http/with-viewer";
import { getOrCreateInlineBuilder } from "@/lib/script-builder/inline-builder";
import { inlineBuilderParams } from "@/lib/script-builder/schemas";

/** H4 inline: the viewer's builder for this pilot session, created on first use (one per user and session). */
export const POST = withViewer("engineerOrAdmin", inlineBuilderParams, (viewer, input) => getOrCreateInlineBuilder(viewer, input.id));
