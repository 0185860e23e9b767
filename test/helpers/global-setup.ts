// One temporary folder for the whole test run, removed at its end: tests make their
// exports and sites under it, so `npm test` leaves nothing in the system temp folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup() {
  const root = mkdtempSync(join(tmpdir(), "relay-test-run-"));
  process.env.RELAY_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
