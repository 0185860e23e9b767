// One temporary folder for the whole test run, removed at its end: tests make their
// exports and sites under it, so `npm test` leaves nothing in the system temp folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, hasChromium } from "./browser.ts";

export default function setup() {
  // the browser tests need Debian's Chromium; without it they are skipped, unless the
  // run requires them (.ci/run sets RELAY_REQUIRE_BROWSER=1: CI never passes without them)
  if (!hasChromium) {
    const line = `Browser tests skipped: no Chromium at ${CHROMIUM}. Install it with: sudo apt-get install chromium fonts-noto-cjk (or set CHROMIUM_PATH).`;
    if (process.env.RELAY_REQUIRE_BROWSER === "1") throw new Error(`${line} RELAY_REQUIRE_BROWSER=1 makes that a failure.`);
    console.log(line);
  }
  const root = mkdtempSync(join(tmpdir(), "relay-test-run-"));
  process.env.RELAY_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
