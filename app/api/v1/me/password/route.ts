import { changePassword } from "@/lib/auth/change-password";
import { changePasswordInput } from "@/lib/auth/sign-ins/schemas";
import { withViewer } from "@/lib/http/with-viewer";

/** Changes my password `{ current_password, new_password }`; my other sign-ins end. */
export const POST = withViewer("signedIn", changePasswordInput, (viewer, input) => changePassword(viewer, input));
