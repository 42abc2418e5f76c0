import { z } from "zod";
import { withViewer } from "@/lib/http/with-viewer";
import { savePsaConnectionInput } from "@/lib/psa/connection-schemas";
import { deletePsaConnection, getPsaConnection, savePsaConnection } from "@/lib/psa/connection-service";

// Every answer is `{ connection }`: the connection with its keys as their last 4 characters, or null.

export const GET = withViewer("ownerOrAdmin", z.object({}), async (viewer) => ({ connection: await getPsaConnection(viewer) }));

export const PUT = withViewer("ownerOrAdmin", savePsaConnectionInput, async (viewer, input) => ({
  connection: await savePsaConnection(viewer, input),
}));

export const DELETE = withViewer("ownerOrAdmin", z.object({}), async (viewer) => {
  await deletePsaConnection(viewer);
  return { connection: null };
});
