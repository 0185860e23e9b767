// One IS rep's page data: only that rep's rows of the rep marts, so a rep page never
// ships another rep's deals. `relay build` splits the marts per rep once (writeRepFiles,
// called from lib/marts.ts); each file is a rep page's data (lib/rep-pages.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Table, toJson } from "./export.ts";

type Row = Record<string, unknown>;

// is_reps first: every IS rep gets a file (and a page), even one with no other rows
export const REP_MARTS = ["is_reps", "rep_productivity", "source_mix", "rep_funnel", "rep_open_deals", "speed_to_lead", "rep_pushed_deals"] as const;

/** Write `<martsDir>/reps/<rep>.json` for every IS rep (mart is_reps); `read` gives a mart's table. */
export async function writeRepFiles(martsDir: string, read: (mart: string) => Promise<Table>): Promise<number> {
  const byRep = new Map<string, Record<string, Row[]>>();
  for (const mart of REP_MARTS) {
    // the rows exactly as the mart's JSON has them
    for (const row of JSON.parse(toJson(await read(mart))) as Row[]) {
      const rep = String(row.rep_id);
      // is_reps comes first and lists every rep; other rep ids (the `all` rows) have no page
      if (mart === "is_reps") byRep.set(rep, Object.fromEntries(REP_MARTS.map((m) => [m, [] as Row[]])));
      byRep.get(rep)?.[mart].push(row);
    }
  }
  mkdirSync(join(martsDir, "reps"), { recursive: true });
  for (const [rep, data] of byRep) {
    // rep ids become file names: anything but letters, digits, _ and - has no page
    if (/^[A-Za-z0-9_-]+$/.test(rep)) writeFileSync(join(martsDir, "reps", `${rep}.json`), JSON.stringify(data) + "\n");
  }
  return byRep.size;
}
