import { previewRoute } from "@/lib/documents/preview-route";

/** E1: the resolution note preview. */
export const POST = previewRoute("resolution_note");
