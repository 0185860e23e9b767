// Publishing a finished site so that readers never see half of one, whatever happens to
// the build (a failure, kill -9, a second build started at the same time).
//
// The published path (dist/, or --out /var/www/relay) is a link to a complete build in a
// sibling folder (.dist-builds/<id>/); a new build is written there in full, then the link
// is replaced by rename(), which is atomic: at every moment the path shows one build's
// complete output. The previous build is kept (a quick rollback: point the link at it);
// older ones are removed. Builds take turns through a lock file; what a killed build left
// (its half-written folder, its lock) is removed by the next one.
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { PROJECT_ROOT } from "./config.ts";
import { keepNewest } from "./files.ts";
import { isAlive } from "./scratch.ts";

/** The folder the builds of `out` are kept in: .<name>-builds/ beside it. */
export function buildsDir(out: string): string {
  return join(dirname(out), `.${basename(out)}-builds`);
}

/** A new, empty place to write a build of `out` into (inside buildsDir, so that it can be published by a rename). */
export function newBuildDir(out: string): string {
  const builds = buildsDir(out);
  mkdirSync(builds, { recursive: true });
  removeLeftovers(out);
  const dir = join(builds, `${new Date().toISOString().replace(/[-:.TZ]/g, "").slice(0, 14)}-${process.pid}.tmp`);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** Make `out` show the finished build in `dir` (written by newBuildDir's caller), atomically. */
export function publish(dir: string, out: string) {
  const builds = buildsDir(out);
  const final = dir.replace(/\.tmp$/, "");
  renameSync(dir, final);
  const link = join(builds, `link-${process.pid}`);
  rmSync(link, { force: true });
  // a junction needs no special rights on Windows (and an absolute target)
  symlinkSync(process.platform === "win32" ? final : relative(dirname(out), final), link, "junction");
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    stat = null;
  }
  if (stat && !stat.isSymbolicLink()) {
    // the first build after an older relay (or another tool) wrote a plain folder there:
    // move it among the builds, then link. The one moment without a site is this once.
    renameSync(out, join(builds, `previous-${process.pid}`));
  }
  renameSync(link, out);
  prune(out, final);
}

/** Keep the published build and the one before it. */
function prune(out: string, current: string) {
  const builds = buildsDir(out);
  keepNewest(readdirSync(builds).filter((n) => !n.endsWith(".tmp") && !n.startsWith("link-")).map((n) => join(builds, n)).filter((p) => p !== current), 1);
}

/** Remove what builds of `out` that were killed left: half-written folders, links. */
function removeLeftovers(out: string) {
  const builds = buildsDir(out);
  for (const n of readdirSync(builds)) {
    const pid = Number(n.match(/^(?:link-(\d+)|\d+-(\d+)\.tmp(?:-shard\d+)?)$/)?.slice(1).find(Boolean));
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(builds, n), { recursive: true, force: true });
  }
  // a relay before this one rendered beside the output
  for (const n of existsSync(dirname(out)) ? readdirSync(dirname(out)) : []) {
    const m = n.match(new RegExp(`^${escape(basename(out))}\\.(?:tmp|old)-(\\d+)(?:-shard\\d+)?$`));
    if (m && !isAlive(Number(m[1]))) rmSync(join(dirname(out), n), { recursive: true, force: true });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const LOCK = join(PROJECT_ROOT, ".relay", "build.lock");

/**
 * Builds take turns: Framework keeps one cache under src/ and src/data is one link, so two
 * builds at once would render each other's marts. The second waits, saying for whom.
 */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch {
      const holder = lockHolder();
      if (holder === "gone") continue;
      if (holder !== "writing" && !isAlive(holder)) {
        takeStaleLock(holder);
        continue;
      }
      if (waited === 0) console.error(`relay: waiting for another build (pid ${holder === "writing" ? "starting" : holder}) to finish`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

function lockHolder(): number | "gone" | "writing" {
  try {
    const pid = Number(readFileSync(LOCK, "utf8"));
    return pid > 0 ? pid : "writing";
  } catch {
    return "gone";
  }
}

/** Remove a lock its dead holder left; if another build took the lock meanwhile, give it back. */
function takeStaleLock(dead: number) {
  const aside = `${LOCK}.stale-${process.pid}`;
  try {
    renameSync(LOCK, aside);
  } catch {
    return; // someone else removed it
  }
  if (Number(readFileSync(aside, "utf8")) !== dead) {
    try {
      linkSync(aside, LOCK);
    } catch {
      // a third build holds the lock now; the one whose lock this was will find it gone
    }
  }
  rmSync(aside, { force: true });
}
