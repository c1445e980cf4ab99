import { defineConfig } from "vitest/config";

// Four suites: the pure core in Node (unit), the shared corpora (corpus, slow-ish, one file
// per corpus), and the built extension in real Chromium (e2e) and in real Firefox ESR
// (e2e-firefox), each serial with one browser per file. The Firefox suite runs in a
// loopback-only network namespace (scripts/loopback.sh), so it is run on its own.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "corpus",
          include: ["test/corpus/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e-firefox",
          include: ["test/e2e-firefox/**/*.test.ts"],
          environment: "node",
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
