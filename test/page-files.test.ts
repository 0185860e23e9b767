// Which mart files a build writes is read from the pages: whole marts, CSV downloads, and
// the parts of a mart a page loads one at a time.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageFiles, pageSources, SRC_DIR } from "../lib/page-files.ts";
import { tempDir } from "./helpers/fixture.ts";

describe("pageFiles", () => {
  it("finds whole marts, downloads and parts, and ignores paths built at run time", () => {
    const src = tempDir("relay-src-");
    mkdirSync(join(src, "reps"));
    mkdirSync(join(src, ".observablehq"));
    writeFileSync(join(src, "a.md"), [
      'const info = FileAttachment("data/build_info.json").json();',
      'const rows = FileAttachment("./data/stalled_deals.csv");',
      'const parts = {all: FileAttachment("data/funnel_period/all.json"), tier: FileAttachment(\'data/funnel_period/tier.json\')};',
    ].join("\n"));
    // a rep page names its file from a parameter: no mart of that name is needed
    writeFileSync(join(src, "reps", "[rep].md"), "FileAttachment(`/data/reps/${observable.params.rep}.json`)\nFileAttachment(\"/data/is_reps.json\")");
    // Framework's cache is not a page
    writeFileSync(join(src, ".observablehq", "x.md"), 'FileAttachment("data/cached.json")');
    expect(pageFiles(src)).toEqual({
      json: ["build_info", "is_reps"],
      csv: ["stalled_deals"],
      parts: { funnel_period: ["all", "tier"] },
    });
  });
});

describe("pageSources", () => {
  it("lists what the pages are made of: every page, component and stylesheet, not the data link or Framework's cache", () => {
    const files = pageSources().map((f) => f.slice(SRC_DIR.length + 1));
    // a page whose name starts like the data folder's is a page like any other
    for (const f of ["data-quality.md", "index.md", "reps/[rep].md", "components/i18n.js", "style.css"]) expect(files, f).toContain(f);
    expect(files.filter((f) => f.startsWith("data/") || f.startsWith("."))).toEqual([]);
  });
});
