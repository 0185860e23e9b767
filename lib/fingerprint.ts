// The fingerprint of a data set: a hash of the content of every file in the data folder.
// Content, not modification times: a nightly job downloads the same export afresh, and
// must still find the marts it computed from it (the CI cache is keyed on this). Hashes
// are remembered per file (path, size, modification time) in .relay/hashes.json, so a
// local rebuild reads nothing twice.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { PROJECT_ROOT } from "./config.ts";
import { filesBelow } from "./files.ts";

const MEMO = join(PROJECT_ROOT, ".relay", "hashes.json");

export function dataFingerprint(dataDir: string): string {
  const memo: Record<string, string> = existsSync(MEMO) ? safeParse(readFileSync(MEMO, "utf8")) : {};
  const next: Record<string, string> = {};
  const h = createHash("sha256");
  for (const f of filesBelow(dataDir)) {
    const s = statSync(f);
    const key = `${f}:${s.size}:${s.mtimeMs}:${s.ino}`;
    const hash = memo[key] ?? createHash("sha256").update(readFileSync(f)).digest("hex");
    next[key] = hash;
    h.update(relative(dataDir, f)).update(hash);
  }
  // remember this folder's files, and the latest few others
  const kept = Object.fromEntries([...Object.entries(memo).filter(([k]) => !(k in next)).slice(-2000), ...Object.entries(next)]);
  mkdirSync(dirname(MEMO), { recursive: true });
  writeFileSync(MEMO, JSON.stringify(kept));
  return h.digest("hex").slice(0, 16);
}

function safeParse(text: string): Record<string, string> {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

