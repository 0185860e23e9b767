// What gets published: no personal data in dist/, and the same data and as-of date
// always give a byte-identical site.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FUNNEL_AS_OF, PII_CANARIES, writeFunnelFixture } from "./fixtures/funnel-fixture.ts";
import { tempDir } from "./helpers/fixture.ts";
import { relay } from "./helpers/relay.ts";
import { filesUnder } from "./helpers/tree.ts";

const work = tempDir("relay-publish-");
// The data folder's name is shown on the home page: a visible token proves the scan below reads what ships.
const data = join(work, "export-visibletoken");

async function build(out: string) {
  // render both times: a reused site would be identical whatever the renderer does
  const r = await relay(["build", "--data", data, "--as-of", FUNNEL_AS_OF, "--out", out], { RELAY_REUSE: "off" });
  expect(r.code, r.err).toBe(0);
}

beforeAll(async () => {
  await writeFunnelFixture(data, [], { pii: true });
  await build(join(work, "a"));
  await build(join(work, "b"));
});

describe("privacy", () => {
  it("ships no value of any PII column (lead names, emails, phones; user emails) anywhere in dist/", () => {
    const site = filesUnder(join(work, "a")).map((f) => ({ f, text: readFileSync(f, "latin1").toLowerCase() }));
    // positive control: something from the data set does reach the site, so the scan reads the right files
    expect(site.some((s) => s.text.includes("visibletoken"))).toBe(true);
    const canaries = [PII_CANARIES.FirstName, PII_CANARIES.LastName, PII_CANARIES.Email.split("@")[0], "pii-canary", PII_CANARIES.Phone, PII_CANARIES.UserEmail.split("@")[0]];
    const leaks = site.flatMap(({ f, text }) => canaries.filter((c) => text.includes(c.toLowerCase())).map((c) => `${relative(work, f)}: ${c}`));
    expect(leaks).toEqual([]);
  });
});

describe("reproducible builds", () => {
  it("gives a byte-identical site for the same data and as-of date", () => {
    const a = filesUnder(join(work, "a")).map((f) => relative(join(work, "a"), f));
    const b = filesUnder(join(work, "b")).map((f) => relative(join(work, "b"), f));
    expect(b).toEqual(a);
    expect(a.some((f) => f.startsWith("_file/data/funnel_period/lead_source."))).toBe(true);
    const differing = a.filter((f) => !readFileSync(join(work, "a", f)).equals(readFileSync(join(work, "b", f))));
    expect(differing).toEqual([]);
  });
});
