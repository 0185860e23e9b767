// The committed lockfile must let `npm ci` install DuckDB's native binding on every
// platform an analyst or a runner uses. npm drops the other platforms' optional entries
// when a lockfile is written from a node_modules that lacks them; then `npm ci` on a Mac,
// on Windows or on an arm64 runner installs no DuckDB binary at all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Entry { version?: string; optionalDependencies?: Record<string, string>; os?: string[]; cpu?: string[] }
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, Entry> };

/** The lock entry npm would install `dep` of the package at `path` from (nested first, then hoisted). */
function resolve(path: string, dep: string): Entry | undefined {
  for (let base = path; ; base = base.slice(0, base.lastIndexOf("/node_modules/"))) {
    const hit = lock.packages[`${base}/node_modules/${dep}`];
    if (hit) return hit;
    if (!base.includes("/node_modules/")) return lock.packages[`node_modules/${dep}`];
  }
}

describe("package-lock.json", () => {
  it("lists DuckDB's native binding for all eight platforms", () => {
    const bindings = lock.packages["node_modules/@duckdb/node-bindings"];
    const platforms = Object.keys(bindings.optionalDependencies ?? {}).sort();
    expect(platforms).toEqual([
      "@duckdb/node-bindings-darwin-arm64", "@duckdb/node-bindings-darwin-x64",
      "@duckdb/node-bindings-linux-arm64", "@duckdb/node-bindings-linux-arm64-musl",
      "@duckdb/node-bindings-linux-x64", "@duckdb/node-bindings-linux-x64-musl",
      "@duckdb/node-bindings-win32-arm64", "@duckdb/node-bindings-win32-x64",
    ]);
    for (const name of platforms) {
      const entry = resolve("node_modules/@duckdb/node-bindings", name);
      expect(entry, `${name} has no entry: npm ci would install no DuckDB binary on that platform`).toBeDefined();
      expect(entry!.version).toBe(bindings.optionalDependencies![name]);
      expect(entry!.os?.length && entry!.cpu?.length, `${name} names its platform`).toBeTruthy();
    }
  });

  it("has an entry for every optional dependency of every package (esbuild, rollup, …)", () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {}).filter((dep) => !resolve(path, dep)).map((dep) => `${path} -> ${dep}`));
    expect(missing).toEqual([]);
  });
});
