// The per-object reconciliation that `relay check` prints: rows read = rows used +
// rows quarantined, the quarantine reasons, and the warnings. It reads the same marts
// as the data-quality page.

import { queryRows } from "./db.ts";
import type { Pipeline } from "./pipeline.ts";

export async function reconcile(p: Pipeline): Promise<{ ok: boolean; text: string }> {
  const objects = await queryRows(p.db, "SELECT * FROM data_reconciliation");
  const reasons = await queryRows(p.db, "SELECT * FROM data_quarantine");
  const warnings = await queryRows(p.db, "SELECT * FROM data_warnings");
  const lines = [`data: ${p.config.dataDir}`, `as of: ${p.settings.as_of} (${p.settings.timezone})`, ""];
  lines.push(`${"object".padEnd(20)} ${"read".padStart(10)} ${"used".padStart(10)} ${"quarantined".padStart(12)}  source`);
  let ok = true;
  for (const o of objects) {
    const balanced = Number(o.rows_read) === Number(o.rows_used) + Number(o.rows_quarantined);
    ok &&= balanced;
    lines.push(`${String(o.object).padEnd(20)} ${String(o.rows_read).padStart(10)} ${String(o.rows_used).padStart(10)} ${String(o.rows_quarantined).padStart(12)}  ${o.present ? o.source : "(absent: views that need it are off)"}${balanced ? "" : "  <- does not add up"}`);
    for (const r of reasons.filter((r) => r.object === o.object)) {
      lines.push(`${"".padEnd(20)}   quarantined ${String(r.rows).padStart(8)}  ${r.reason}`);
    }
  }
  if (warnings.length) {
    lines.push("", "warnings (rows kept):");
    for (const w of warnings) lines.push(`  ${String(w.object).padEnd(20)} ${String(w.column).padEnd(14)} ${String(w.rows).padStart(8)}  ${w.warning}`);
  }
  lines.push("", ok ? "ok: the export meets the contract; every row is accounted for" : "error: rows do not reconcile");
  return { ok, text: lines.join("\n") };
}
