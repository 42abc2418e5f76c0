import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const optionalUrl = z.url().optional();

/** Configuration, read and validated once. `.env.example` lists every variable with its default. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    APP_URL: z.url().default("http://localhost:3000"),
    DATABASE_URL: z.url(),
    REDIS_URL: optionalUrl,
    AUTH_SECRET: z.string().min(16),
    AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: optionalUrl,
    // Key for the PSA secrets at rest (AES-256-GCM); `npm run dev` keeps a generated one in .data/.
    PSA_ENCRYPTION_KEY: z.string().min(32).optional(),
    ANTHROPIC_API_KEY: z.string().optional(),
    ANTHROPIC_BASE_URL: optionalUrl,
    // Model ids per tier (J1); lib/ai/ai-config.ts reads them at call time and applies the defaults.
    ANTHROPIC_MODEL_CAPABLE: z.string().optional(),
    ANTHROPIC_MODEL_CHEAP: z.string().optional(),
    ANTHROPIC_MODEL_CHAT: z.string().optional(),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: optionalUrl,
    // Sender of escalation email; must be a verified domain in Resend.
    EMAIL_FROM: z.string().default("FlowPilot <alerts@flowpilot.local>"),
    // Seconds between SSE heartbeats on the escalation stream (F4).
    ESCALATION_STREAM_HEARTBEAT_SECONDS: z.coerce.number().positive().default(25),
    // Seconds between outbox sweeps (retries and re-notification, F9); 0 switches the sweeper off.
    NOTIFICATION_SWEEP_SECONDS: z.coerce.number().min(0).default(30),
    OUTBOUND_ALLOW_HOSTS: z
      .string()
      .default("")
      .transform((value) => value.split(",").map((host) => host.trim()).filter(Boolean)),
    DEMO_PASSWORD: z.string().min(8).default("flowpilot-demo"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
});

/** True when Microsoft Entra ID sign-in is configured. */
export const isEntraEnabled = Boolean(env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET);
