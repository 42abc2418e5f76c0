/** Settings every test process shares; the per-file setup adds its own DATABASE_URL. */
export const testEnv = {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3000",
  AUTH_SECRET: "test-secret-for-flowpilot-vitest-only",
  ENCRYPTION_KEY: "test-encryption-key-for-vitest-only",
  NEXT_TELEMETRY_DISABLED: "1",
} as const;

export const TEMPLATE_DATABASE = "flowpilot_test_template";
