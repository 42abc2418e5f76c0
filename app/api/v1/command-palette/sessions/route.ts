import { searchPaletteSessionsInput } from "@/lib/command-palette/schemas";
import { searchPaletteSessions } from "@/lib/command-palette/search-sessions";
import { withViewer } from "@/lib/http/with-viewer";

export const GET = withViewer("signedIn", searchPaletteSessionsInput, (viewer, input) => searchPaletteSessions(viewer, input));
