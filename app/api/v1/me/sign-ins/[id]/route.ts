import { revokeMySignIn } from "@/lib/auth/sign-ins/end-sign-ins";
import { signInIdInput } from "@/lib/auth/sign-ins/schemas";
import { withViewer } from "@/lib/http/with-viewer";

/** Ends one of my sign-ins; its browser is signed out on its next request. */
export const DELETE = withViewer("signedIn", signInIdInput, (viewer, input) => revokeMySignIn(viewer, input.id));
