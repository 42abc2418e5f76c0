import { z } from "zod";

/** Inputs of H2 generation, shared by the REST routes and the generator's server action. */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** POST /scripts/generate: `parameters` are checked against the template's schema by the service. */
export const generateScriptInput = z.object({
  template_id: z.uuid("Template ids are UUIDs."),
  parameters: z.record(z.string(), z.unknown(), "parameters is an object of values by parameter name.").default({}),
  ai_session_id: z.uuid("Session ids are UUIDs.").nullish(),
});
export type GenerateScriptInput = z.infer<typeof generateScriptInput>;

/** GET /scripts/generations: either filter may be given, or both, or neither (the account's recent runs). */
export const listGenerationsInput = z.object({
  template_id: optional(z.uuid("Template ids are UUIDs.")),
  ai_session_id: optional(z.uuid("Session ids are UUIDs.")),
});
export type ListGenerationsInput = z.infer<typeof listGenerationsInput>;

export const generationIdParams = z.object({ id: z.uuid("Generation ids are UUIDs.") });
