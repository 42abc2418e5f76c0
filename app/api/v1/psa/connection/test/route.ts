import { z } from "zod";
import { withViewer } from "@/lib/http/with-viewer";
import { testPsaConnection } from "@/lib/psa/connection-test";

/** Runs "Test connection" and answers `{ connection }` with the recorded result (a failed test is still 200). */
export const POST = withViewer("ownerOrAdmin", z.object({}), async (viewer) => ({ connection: await testPsaConnection(viewer) }));
