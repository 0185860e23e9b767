// The models store: a DuckDB database file per data set (data files, settings and the
// code that reads them), holding every model's table and the hash it was computed from
// (its SQL and the hashes of what it depends on). A later pass on the same data
// recomputes only the models whose hash moved — an edited mart and what depends on it —
// and reuses the staged tables, so an analyst's edit-and-look loop at ten million tasks
// takes seconds. Used by `relay query` and `relay dev` (which create it) and by
// `relay build` when one exists; a build with new data (the nightly) runs in memory.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type BusinessSettings, type Config, PROJECT_ROOT } from "./config.ts";
import { keepNewest } from "./files.ts";
import { dataFingerprint } from "./fingerprint.ts";

export const STORE_ROOT = join(PROJECT_ROOT, ".relay", "models");

// the code that turns the export into the src_ views and the input tables
const SOURCE_CODE = ["lib/source.ts", "lib/contract.ts", "lib/pipeline.ts", "lib/db.ts"];

/** The store of this data set, settings and source code. */
export function storePath(cfg: Config, settings: BusinessSettings): string {
  const h = createHash("sha256").update(dataFingerprint(cfg.dataDir)).update(cfg.dataDir).update(JSON.stringify(settings));
  for (const f of SOURCE_CODE) h.update(readFileSync(join(PROJECT_ROOT, f)));
  mkdirSync(STORE_ROOT, { recursive: true });
  return join(STORE_ROOT, `${h.digest("hex").slice(0, 16)}.duckdb`);
}

/** Whether a store exists for these inputs. */
export function hasStore(path: string): boolean {
  return existsSync(path);
}

/** Keep the `keep` most recently used stores; at scale a store is a gigabyte or more. */
export function pruneStores(keep = 2) {
  if (!existsSync(STORE_ROOT)) return;
  const stores = readdirSync(STORE_ROOT).filter((n) => n.endsWith(".duckdb")).map((n) => join(STORE_ROOT, n));
  keepNewest(stores, keep, (p) => {
    rmSync(p, { force: true });
    rmSync(`${p}.wal`, { force: true });
  });
}

/** A model's hash: its SQL and the hashes of the models it depends on. */
export function modelHash(sql: string, dependencyHashes: string[]): string {
  return createHash("sha256").update(sql).update(dependencyHashes.join(",")).digest("hex").slice(0, 16);
}
