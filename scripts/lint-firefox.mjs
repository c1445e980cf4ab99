/**
 * npm run lint:firefox — `web-ext lint` of dist/firefox, as addons.mozilla.org runs it. Fails on
 * any error, and on any warning in Folio's own code: the only warnings allowed are in the
 * third-party code the build bundles (DOMPurify's and Readability's innerHTML), recognised by
 * the flagged line being a line of those packages' sources.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist", "firefox");
const VENDOR = [
  "node_modules/dompurify/dist/purify.es.mjs",
  "node_modules/@mozilla/readability/Readability.js",
];

const run = spawnSync(
  "npx",
  ["--no-install", "web-ext", "lint", "--source-dir", dist, "--no-config-discovery", "--output", "json"],
  { cwd: root, encoding: "utf8", env: { ...process.env, NO_UPDATE_NOTIFIER: "1" }, maxBuffer: 64 << 20 },
);
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{")));
} catch {
  console.error(
    `lint:firefox: web-ext lint gave no report (exit ${run.status}).\n${run.stdout}\n${run.stderr}`,
  );
  process.exit(1);
}

const vendorLines = new Set(
  VENDOR.flatMap((file) =>
    readFileSync(join(root, file), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
  ),
);
const ownWarnings = [];
const vendorWarnings = [];
for (const warning of report.warnings) {
  const line =
    warning.file && warning.line
      ? readFileSync(join(dist, warning.file), "utf8").split("\n")[warning.line - 1]?.trim()
      : undefined;
  (line && vendorLines.has(line) ? vendorWarnings : ownWarnings).push({ ...warning, source: line });
}
const where = (w) =>
  `  ${w.code} ${w.file ?? ""}:${w.line ?? ""} ${w.message}${w.source ? `\n    ${w.source.slice(0, 120)}` : ""}`;
for (const error of report.errors) console.error(`error:\n${where(error)}`);
for (const warning of ownWarnings) console.error(`warning in Folio's own code:\n${where(warning)}`);
console.log(
  `web-ext lint dist/firefox: ${report.errors.length} errors, ${ownWarnings.length} warnings in Folio's code, ` +
    `${vendorWarnings.length} in bundled DOMPurify/Readability (innerHTML), ${report.notices.length} notices`,
);
process.exit(report.errors.length || ownWarnings.length ? 1 : 0);
