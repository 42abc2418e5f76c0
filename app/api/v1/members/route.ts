import { z } from "zod";
import { withViewer } from "@/lib/http/with-viewer";
import { listMembers } from "@/lib/members/list-members";

/** Settings → Members: the account's members (active and removed) and its invitations (owner/admin). */
export const GET = withViewer("ownerOrAdmin", z.object({}), (viewer) => listMembers(viewer));
