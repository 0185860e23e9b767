// A built site as files: to look for what it ships and to compare it before and after.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  }).sort();
}

/** Every file under `dir` with its bytes (base64), by its path inside `dir`. */
export function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((p) => [p.slice(dir.length), readFileSync(p, "base64")]));
}
