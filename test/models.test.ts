// The dependency finder: a model depends on the tables its query reads and the macros it
// calls, as DuckDB parses them; names that only look like models (columns, CTEs) make no
// dependency, and a CTE that would hide a model fails with a message saying so.
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModels, ModelError } from "../lib/models.ts";
import { tempDir } from "./helpers/fixture.ts";

function sqlCopy(extra: Record<string, string>): string {
  const dir = join(tempDir("relay-models-"), "sql");
  cpSync("sql", dir, { recursive: true });
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
  return dir;
}

describe("loadModels", () => {
  it("reads dependencies from the parse tree: tables read and macros called", async () => {
    const models = await loadModels("sql");
    const deps = (name: string) => models.find((m) => m.name === name)!.dependsOn;
    // stalled_deals reads int_opportunities, stg_tasks, settings and stg_users, and calls as_of() (calendar)
    expect(deps("stalled_deals")).toEqual(["calendar", "int_opportunities", "settings", "stg_tasks", "stg_users"]);
    // a macro file depends on what its bodies read and call: fiscal_year() reads settings
    expect(deps("calendar")).toEqual(["settings"]);
    // every model runs after what it depends on
    const order = models.map((m) => m.name);
    for (const m of models) for (const d of m.dependsOn) expect(order.indexOf(d), `${d} before ${m.name}`).toBeLessThan(order.indexOf(m.name));
  });

  it("ignores a column or an alias that shares a model's name", async () => {
    const dir = sqlCopy({
      "marts/zz_names.sql": "-- A mart whose column names look like models.\nselect 1 as stg_users, s.as_of as settings_day from settings as stage_map_alias cross join settings s",
    });
    const m = (await loadModels(dir)).find((x) => x.name === "zz_names")!;
    expect(m.dependsOn).toEqual(["settings"]);
  });

  it("refuses a CTE named like a rules table, naming the file, the CTE and the model it would hide", async () => {
    const dir = sqlCopy({
      "marts/zz_shadow.sql": "-- Shadows the stage map.\nwith stage_map as (select 1 as phase)\nselect * from stage_map",
    });
    const err = await loadModels(dir).catch((e) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err.message).toBe('sql/marts/zz_shadow.sql: the CTE "stage_map" has the name of the model sql/rules/stage_map.sql and would hide it inside this query; rename the CTE');
  });

  it("names the file of a model that does not parse", async () => {
    const dir = sqlCopy({ "marts/zz_broken.sql": "-- Broken.\nselect from where" });
    await expect(loadModels(dir)).rejects.toThrow(/^sql\/marts\/zz_broken\.sql: syntax error at or near "where"/);
  });

  it("finds a cycle", async () => {
    const dir = sqlCopy({
      "marts/zz_a.sql": "-- A.\nselect * from zz_b",
      "marts/zz_b.sql": "-- B.\nselect * from zz_a",
    });
    await expect(loadModels(dir)).rejects.toThrow("SQL models depend on each other in a cycle: zz_a -> zz_b -> zz_a");
  });
});
