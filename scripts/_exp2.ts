import { readFileSync } from "node:fs";
import { resolveConfig } from "../lib/config.ts";
import { runPipeline } from "../lib/pipeline.ts";
import { queryRows } from "../lib/db.ts";
const [data, target, ...files] = process.argv.slice(2);
const p = await runPipeline(resolveConfig({ data }, {}), undefined, target === "all" ? {} : { only: [target] });
for (const t of p.timings.filter((t) => t.seconds > 0.2)) console.log("pipeline", t.model, t.seconds.toFixed(2));
for (const f of files) {
  const s = performance.now();
  const sql = readFileSync(f, "utf8");
  if (sql.startsWith("select")) console.log(JSON.stringify(await queryRows(p.db, sql), (k, v) => typeof v === "bigint" ? Number(v) : v));
  else await p.db.run(sql);
  console.log(f, ((performance.now() - s) / 1000).toFixed(2));
}
p.db.closeSync();
