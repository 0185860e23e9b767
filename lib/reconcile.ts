// The per-object reconciliation: rows read = rows used + rows quarantined, the quarantine
// reasons, and the warnings, as `relay check` prints it and as the check and build
// summaries report it. It reads the same marts as the data-quality page, from the mart
// files of a check or a build.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Row } from "./db.ts";
import type { Reconciliation } from "./summary.ts";

/** The marts it reads: a build writes them whatever the pages read (lib/marts.ts). */
export const RECONCILIATION_MARTS = ["build_info", "data_reconciliation", "data_quality_summary", "data_quarantine", "data_warnings"];

export function reconciliationFromMarts(dir: string): Reconciliation {
  const read = (m: string) => JSON.parse(readFileSync(join(dir, `${m}.json`), "utf8")) as Row[];
  const info = read("build_info")[0];
  return {
    asOf: String(info.as_of), timezone: String(info.timezone), dataLabel: String(info.data_label), isSample: Boolean(info.is_sample),
    totals: read("data_quality_summary")[0], objects: read("data_reconciliation"), quarantine: read("data_quarantine"), warnings: read("data_warnings"),
  };
}

/** Every object's rows add up (the marts say so: data_reconciliation, data_quality_summary). */
export function balanced(r: Reconciliation): boolean {
  return r.totals.balanced === true;
}

/** The terminal report of `relay check`. */
export function reconciliationText(r: Reconciliation, dataDir: string): string {
  const lines = [`data: ${dataDir}`, `as of: ${r.asOf} (${r.timezone})`, ""];
  lines.push(`${"object".padEnd(20)} ${"read".padStart(10)} ${"used".padStart(10)} ${"quarantined".padStart(12)}  source`);
  for (const o of r.objects) {
    const ok = o.balanced === true;
    lines.push(`${String(o.object).padEnd(20)} ${String(o.rows_read).padStart(10)} ${String(o.rows_used).padStart(10)} ${String(o.rows_quarantined).padStart(12)}  ${o.present ? o.source : "(absent: views that need it are off)"}${ok ? "" : "  <- does not add up"}`);
    for (const q of r.quarantine.filter((q) => q.object === o.object)) {
      lines.push(`${"".padEnd(20)}   quarantined ${String(q.rows).padStart(8)}  ${q.reason}`);
    }
  }
  if (r.warnings.length) {
    lines.push("", "warnings (rows kept):");
    for (const w of r.warnings) lines.push(`  ${String(w.object).padEnd(20)} ${String(w.column).padEnd(14)} ${String(w.rows).padStart(8)}  ${w.warning}`);
  }
  lines.push("", balanced(r) ? "ok: the export meets the contract; every row is accounted for" : "error: rows do not reconcile");
  return lines.join("\n");
}
