#!/usr/bin/env node
// Entry point of the `relay` command. The library is TypeScript, run through tsx so
// that analysts never need a compile step.
import { register } from "tsx/esm/api";

register();
// `relay query x | head` closes the pipe early: that is not an error.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
const { main } = await import("../lib/cli.ts");
process.exitCode = await main(process.argv.slice(2));
