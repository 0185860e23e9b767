// What `relay build` prints while it works: one line per stage with its time, a bar over
// the pages on a terminal, and nothing else (Framework's own log is kept for --verbose and
// for the end of an error). Written to stderr, so stdout stays for what a command outputs.

import { isAbsolute, relative } from "node:path";

export interface Stage {
  /** The stage ended: its line gets a tick, the detail and the time. */
  done(detail?: string): void;
  /** Progress within the stage: drawn as a bar on a terminal, not printed elsewhere. */
  step(done: number, total: number): void;
}

export interface Progress {
  start(label: string): Stage;
  line(text: string): void;
}

const LABEL_WIDTH = 34;
const BAR_WIDTH = 20;

/**
 * A progress view on a stream. On a terminal a running stage is shown (and its bar
 * redrawn) in place; elsewhere (CI logs, files) only finished stages are printed, one line
 * each, so logs carry no control characters.
 */
export function progressView(stream: NodeJS.WriteStream = process.stderr, { quiet = false } = {}): Progress {
  const live = Boolean(stream.isTTY) && !quiet;
  const write = (s: string) => void (quiet || stream.write(s));
  return {
    line: (text) => write(`${text}\n`),
    start(label) {
      const started = performance.now();
      const head = `  ${label}`.padEnd(LABEL_WIDTH);
      if (live) write(`${head}…`);
      return {
        step(done, total) {
          if (!live || total <= 0) return;
          write(`\r${head}${bar(done, total)} ${done}/${total}`);
        },
        done(detail) {
          const secs = `${((performance.now() - started) / 1000).toFixed(1)} s`;
          const text = `  ✓ ${label}${detail ? ` · ${detail}` : ""}`;
          write(`${live ? "\r\x1b[2K" : ""}${text.padEnd(LABEL_WIDTH + 24)} ${secs.padStart(7)}\n`);
        },
      };
    },
  };
}

export function bar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = Math.round((Math.min(done, total) / total) * width);
  return `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
}

/** A path as a reader wants to see it: relative when under the working folder, else whole. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** A view that prints nothing: library callers and tests. */
export const SILENT: Progress = progressView(process.stderr, { quiet: true });
