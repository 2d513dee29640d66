import { defineConfig } from "vitest/config";
import { FirstRunFirstSequencer } from "./e2e/support/first-run-first-sequencer";

// Three projects: pure unit tests; integration tests against the real Postgres/Redis (each run
// gets its own database, created and dropped by the global setup); browser tests in Chromium
// against the built app (`npm run test:e2e` builds first).
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // Project-level sequencers are ignored by Vitest 4; this one only reorders the e2e foundation spec.
    sequence: { sequencer: FirstRunFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["packages/*/src/**/*.integration.test.ts", "apps/*/src/**/*.integration.test.ts"],
          globalSetup: ["./packages/db/src/testing/global-setup.ts"],
          setupFiles: ["./packages/db/src/testing/setup-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.spec.ts"],
          globalSetup: ["./e2e/global-setup.ts"],
          // A server action plus the page refresh can take a few seconds on a loaded 2-core CI box.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
