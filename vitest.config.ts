import { defineConfig } from "vitest/config";

// Three suites: the pure core in Node (unit), the shared corpora (corpus, slow-ish, one file
// per corpus), and the built extension in real Chromium (e2e, serial, one browser per file).
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
    ],
  },
});
