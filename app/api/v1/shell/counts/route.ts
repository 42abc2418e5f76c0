import { z } from "zod";
import { withViewer } from "@/lib/http/with-viewer";
import { getSidebarCounts } from "@/lib/shell/sidebar-counts";

export const GET = withViewer("signedIn", z.object({}), (viewer) => getSidebarCounts(viewer));
