import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const optionalUrl = z.url().optional();

/**
 * `next build` loads server modules but serves nobody, and a production image is built without
 * its runtime secrets. So while building, the two secrets get inert stand-ins; the server
 * validates the real ones when it starts (instrumentation-node.ts). Next's phase name, spelled out
 * because lib/ doesn't import next/*.
 */
const building = process.env.NEXT_PHASE === "phase-production-build";
const BUILD_STAND_IN = { DATABASE_URL: "postgresql://build-only@127.0.0.1:1/unset", AUTH_SECRET: "build-only-not-a-secret" } as const;

/** Configuration, read and validated once. `.env.example` lists every variable with its default. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().positive().default(3000),
    APP_URL: z.url().default("http://localhost:3000"),
    DATABASE_URL: building ? z.url().default(BUILD_STAND_IN.DATABASE_URL) : z.url(),
    REDIS_URL: optionalUrl,
    AUTH_SECRET: building ? z.string().min(16).default(BUILD_STAND_IN.AUTH_SECRET) : z.string().min(16),
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
    // "true" offers chat turns the Microsoft Learn MCP server (J4); lib/ai/docs-search.ts reads it at call time.
    ENABLE_MCP_MICROSOFT_LEARN: z.enum(["true", "false"]).optional(),
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
  onValidationError: (issues) => {
    throw new Error(describeInvalidEnv(issues));
  },
});

/** One sentence naming each missing or invalid variable and what to do. */
function describeInvalidEnv(issues: readonly { path?: readonly (PropertyKey | { key: PropertyKey })[]; message: string }[]): string {
  const problems = issues.map((issue) => {
    const name = issue.path?.map((part) => String(typeof part === "object" ? part.key : part)).join(".") ?? "?";
    return process.env[name] ? `${name} is invalid (${issue.message})` : `${name} is not set`;
  });
  return `FlowPilot can't start: ${problems.join(", ")}. Set ${problems.length === 1 ? "it" : "them"} in the environment or in .env; .env.example lists every variable.`;
}

/** True when Microsoft Entra ID sign-in is configured. */
export const isEntraEnabled = Boolean(env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET);
