// ESM config: Vite loads .mts natively (package.json has no "type").
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/database-per-file.ts"],
    pool: "forks",
    // Vitest's default on 2 cores is one worker; the integration files spend much of their time
    // waiting on PostgreSQL, so two keep both cores busy. Each file has its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    // next-auth's ESM imports `next/server` without an extension, which only a bundler resolves:
    // inlined, tests can run server actions (their guard reads the session through `auth()`).
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 60_000,
  },
});
