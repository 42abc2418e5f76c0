import { signOutMemberEverywhere } from "@/lib/auth/sign-ins/end-sign-ins";
import { withViewer } from "@/lib/http/with-viewer";
import { memberIdInput } from "@/lib/members/schemas";

/** Signs a member out everywhere: every sign-in they have ends (owner/admin, A7 rules). */
export const DELETE = withViewer("ownerOrAdmin", memberIdInput, (viewer, input) => signOutMemberEverywhere(viewer, input.id));
