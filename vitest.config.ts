import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    // DuckDB passes and site builds take seconds, not milliseconds.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores: two test files at a time. Site builds take turns through lib/build.ts's lock.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
