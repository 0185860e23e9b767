// The loader of one IS rep's page: only that rep's rows of the rep marts, so a rep page
// never ships another rep's deals. Framework calls it through src/reps/[rep].json.ts.
import { loaderParam, readMart } from "./mart.ts";

type Row = Record<string, unknown>;

const REP_MARTS = ["rep_productivity", "source_mix", "rep_funnel", "rep_open_deals", "speed_to_lead"] as const;

export async function repData(rep: string): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const mart of REP_MARTS) out[mart] = (JSON.parse(await readMart(mart)) as Row[]).filter((r) => r.rep_id === rep);
  return out;
}

export async function emitRep(argv: string[] = process.argv): Promise<void> {
  const rep = loaderParam("rep", argv);
  const data = await repData(rep);
  if (Object.values(data).every((rows) => rows.length === 0)) throw new Error(`rep loader: no IS rep ${rep} in the marts`);
  process.stdout.write(JSON.stringify(data) + "\n");
}

