import { DuckDBInstance } from "@duckdb/node-api";
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
for (const q of process.argv.slice(2)) {
  const s = performance.now();
  const r = await con.runAndReadAll(q);
  console.log(((performance.now() - s) / 1000).toFixed(2), JSON.stringify(r.getRowObjectsJson()).slice(0, 600));
}
