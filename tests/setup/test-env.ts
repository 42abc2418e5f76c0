/** Settings every test process shares; the per-file setup adds its own DATABASE_URL. */
export const testEnv = {
  NODE_ENV: "test",
  APP_URL: "http://localhost:3000",
  AUTH_SECRET: "test-secret-for-flowpilot-vitest-only",
  PSA_ENCRYPTION_KEY: "test-psa-encryption-key-for-vitest-only-0123456789",
  NEXT_TELEMETRY_DISABLED: "1",
  // Never reach real services from tests, whatever the developer's shell exports: tests that
  // need a model or mail point these at the local fakes themselves.
  ANTHROPIC_API_KEY: "",
  ANTHROPIC_BASE_URL: "",
  RESEND_API_KEY: "",
  RESEND_BASE_URL: "",
} as const;

/** Every database a test run creates starts with this. */
export const TEST_DATABASE_PREFIX = "flowpilot_test_";
