// Peak memory of a process and everything it starts: the sum of the resident sets of the
// whole process tree, sampled every 50 ms from /proc (Linux). `relay build` runs DuckDB in
// its own process and Framework in one or more children; a runner's limit applies to
// their sum, which /usr/bin/time (the largest single process) does not show.
import { readdirSync, readFileSync } from "node:fs";

const PAGE = 4096;

function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(root);
  return out;
}

function rssBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE;
  } catch {
    return 0;
  }
}

/** Sample the tree under `pid` until stop() is called; returns the peak sum in bytes. */
export function watchTreeRss(pid: number): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, tree(pid).reduce((s, p) => s + rssBytes(p), 0));
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
