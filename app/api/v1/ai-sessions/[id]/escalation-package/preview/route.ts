import { previewRoute } from "@/lib/documents/preview-route";

/** E2: the escalation package preview. */
export const POST = previewRoute("escalation_package");
