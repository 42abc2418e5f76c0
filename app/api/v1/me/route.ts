import { z } from "zod";
import { getMe } from "@/lib/accounts/me";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", z.object({}), (viewer) => getMe(viewer));
