// Scratch space for one process: DuckDB's spill files, the Parquet writer's scratch
// database, half-written outputs. It lives under .relay/tmp/ (never the system temp
// folder), is named after the process, and is removed when the process ends; what a
// killed process left behind is removed by the next command that starts.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "./config.ts";

export const SCRATCH_ROOT = join(PROJECT_ROOT, ".relay", "tmp");

/** A folder of this process's own: .relay/tmp/<kind>-<pid>[-n]. */
export function scratchDir(kind: string): string {
  mkdirSync(SCRATCH_ROOT, { recursive: true });
  for (let n = 0; ; n++) {
    const dir = join(SCRATCH_ROOT, `${kind}-${process.pid}${n ? `-${n}` : ""}`);
    try {
      mkdirSync(dir);
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
}

/** Remove what processes that no longer run left in .relay/tmp/. */
export function removeStaleScratch() {
  let names: string[] = [];
  try {
    names = readdirSync(SCRATCH_ROOT);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.match(/-(\d+)(?:-\d+)?$/)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(SCRATCH_ROOT, name), { recursive: true, force: true });
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
