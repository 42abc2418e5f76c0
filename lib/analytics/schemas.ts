import { z } from "zod";

/** The windows the escalation metric is reported over (SPEC I1); anything else is a 422. */
export const ESCALATION_PERIODS = ["7d", "30d", "90d"] as const;
export type EscalationPeriod = (typeof ESCALATION_PERIODS)[number];

export const DEFAULT_ESCALATION_PERIOD: EscalationPeriod = "30d";

export const escalationMetricInput = z.object({
  period: z.enum(ESCALATION_PERIODS).default(DEFAULT_ESCALATION_PERIOD),
});
export type EscalationMetricInput = z.infer<typeof escalationMetricInput>;
