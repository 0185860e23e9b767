// The short Markdown report of a check or a build: rows read / used / quarantined per
// object, the reasons, the warnings, and for a build its time and pages; or, when it
// failed, the message that says which file, which column and what to do. Written to
// --summary FILE and, in GitHub Actions, appended to the job's summary page
// (GITHUB_STEP_SUMMARY), so the nightly's result is one click from the run.
import { appendFileSync, writeFileSync } from "node:fs";
import { ciSettings } from "./config.ts";
import type { Row } from "./db.ts";

export interface Reconciliation {
  asOf: string;
  timezone: string;
  dataLabel: string;
  isSample: boolean;
  /** The whole export in one row (mart data_quality_summary). */
  totals: Row;
  objects: Row[];
  quarantine: Row[];
  warnings: Row[];
}

export interface BuildFacts {
  total_seconds: number;
  marts_seconds: number;
  render_seconds: number;
  reused_marts: boolean;
  reused_site: boolean;
  pages: number;
  out: string;
}

const n = (v: unknown) => Number(v).toLocaleString("en-US");

function reconciliationMarkdown(r: Reconciliation): string[] {
  const lines = [
    `Data: \`${r.dataLabel}\`${r.isSample ? " (generated sample)" : ""}, as of ${r.asOf} (${r.timezone}).`,
    "",
    "| object | read | used | quarantined | reasons |",
    "|---|---:|---:|---:|---|",
  ];
  for (const o of r.objects) {
    if (!o.present) {
      lines.push(`| ${o.object} | – | – | – | absent (the views that need it say so) |`);
      continue;
    }
    const reasons = r.quarantine.filter((q) => q.object === o.object).map((q) => `${q.reason} ${n(q.rows)}`).join(", ");
    lines.push(`| ${o.object} | ${n(o.rows_read)} | ${n(o.rows_used)} | ${n(o.rows_quarantined)} | ${reasons} |`);
  }
  if (r.warnings.length) {
    lines.push("", `Warnings (rows kept): ${r.warnings.map((w) => `${w.object}.${w.column} ${w.warning} (${n(w.rows)})`).join("; ")}.`);
  }
  return lines;
}

export function checkSummary(r: Reconciliation, ok: boolean): string {
  return [`### Relay check: ${ok ? "the export meets the contract" : "rows do not reconcile"}`, "", ...reconciliationMarkdown(r), ""].join("\n");
}

export function buildSummary(r: Reconciliation, b: BuildFacts): string {
  const reuse = b.reused_site ? " (nothing changed since the last build: its pages were reused)" : b.reused_marts ? " (marts reused: same data, SQL and settings)" : "";
  return [
    `### Relay build: published ${b.pages} pages to \`${b.out}\``,
    "",
    `Built in ${b.total_seconds.toFixed(1)} s: DuckDB ${b.marts_seconds.toFixed(1)} s, pages ${b.render_seconds.toFixed(1)} s${reuse}.`,
    "",
    ...reconciliationMarkdown(r),
    "",
  ].join("\n");
}

/** The last line `relay build` prints: what was published, from what, in how long. */
export function buildLine(r: Reconciliation, b: BuildFacts): string {
  const data = r.isSample ? "the generated sample" : r.dataLabel;
  return `built ${b.out}: ${b.pages} pages from ${data} as of ${r.asOf}, ${n(r.totals.rows_read)} rows read, ` +
    `${n(r.totals.rows_quarantined)} quarantined, in ${b.total_seconds.toFixed(1)} s`;
}

export function failureSummary(command: "check" | "build", message: string): string {
  return [`### Relay ${command}: failed${command === "build" ? " (the published site was left as it was)" : ""}`, "", "```", message.trim(), "```", ""].join("\n");
}

/** Write the summary to `file` (if given) and to the GitHub job summary (if running there). */
export function writeSummary(markdown: string, file?: string) {
  if (file) writeFileSync(file, markdown);
  const job = ciSettings().stepSummary;
  if (job) appendFileSync(job, markdown + "\n");
}
