// Runs the relay CLI as a user would, without blocking the test worker (a blocking
// spawn starves Vitest's own messages during a build of half a minute).
import { spawn } from "node:child_process";

export interface RelayRun {
  code: number | null;
  out: string;
  err: string;
}

export function relay(args: string[], env: Record<string, string> = {}, command: string[] = ["node", "bin/relay.js"]): Promise<RelayRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], [...command.slice(1), ...args], { env: { ...process.env, ...env } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}
