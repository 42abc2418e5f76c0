import { z } from "zod";
import { getPreferences, updatePreferences } from "@/lib/accounts/preferences";
import { updatePreferencesInput } from "@/lib/accounts/schemas";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", z.object({}), (viewer) => getPreferences(viewer));

export const PATCH = withViewer("ownerOrAdmin", updatePreferencesInput, (viewer, patch) =>
  updatePreferences(viewer, patch),
);
