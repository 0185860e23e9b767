import { spawn } from "node:child_process";
const t0 = performance.now();
const child = spawn("node_modules/.bin/observable", ["build"], { env: { ...process.env, RELAY_OUTPUT: "/tmp/rp/fwonly", OBSERVABLE_TELEMETRY_DISABLE: "true" } });
let prev = 0;
let rest = "";
const on = (d: Buffer) => {
  const lines = (rest + d.toString()).split("\n"); rest = lines.pop()!;
  for (const l of lines) { const t = (performance.now() - t0) / 1000; console.log(`${t.toFixed(2)} +${(t - prev).toFixed(2)} ${l.replace(/\x1b\[[0-9;]*m/g, "").slice(0, 110)}`); prev = t; }
};
child.stdout.on("data", on); child.stderr.on("data", on);
child.on("close", () => console.log("end", ((performance.now() - t0) / 1000).toFixed(2)));
