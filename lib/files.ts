// Two questions several modules ask of the file system: which files lie below a folder,
// and which of a few kept folders or files to remove once there are too many.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Every file below `dir` (none when it does not exist), depth first, each folder's
 * entries in name order. `skip(name, depth)` leaves an entry out (a folder with all below
 * it); depth 0 is `dir`'s own entries. Links are followed.
 */
export function filesBelow(dir: string, skip: (name: string, depth: number) => boolean = () => false, depth = 0): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    if (skip(name, depth)) return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesBelow(p, skip, depth + 1) : [p];
  });
}

/**
 * Remove all but the `keep` most recently modified of `paths` (folders with what is in
 * them); `remove` does the removing when one path stands for more than itself.
 */
export function keepNewest(paths: string[], keep: number, remove: (path: string) => void = (p) => rmSync(p, { recursive: true, force: true })) {
  const byAge = paths.map((p) => ({ p, t: statSync(p).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { p } of byAge.slice(keep)) remove(p);
}
