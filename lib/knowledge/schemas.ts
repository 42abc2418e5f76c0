import { z } from "zod";

export const similarSessionsParams = z.object({
  id: z.uuid("Session ids are UUIDs."),
  limit: z.coerce.number().int("limit is a whole number.").min(1, "limit is at least 1.").max(10, "limit is at most 10.").optional(),
});
export type SimilarSessionsParams = z.infer<typeof similarSessionsParams>;

export const reuseSimilarFixInput = z.object({
  id: z.uuid("Session ids are UUIDs."),
  source_session_id: z.uuid("Session ids are UUIDs."),
});
export type ReuseSimilarFixInput = z.infer<typeof reuseSimilarFixInput>;
