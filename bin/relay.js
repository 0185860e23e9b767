#!/usr/bin/env node
// Entry point of the `relay` command. The library is TypeScript, run through tsx so
// that analysts never need a compile step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli.ts");
process.exitCode = await main(process.argv.slice(2));
