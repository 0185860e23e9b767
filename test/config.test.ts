// Settings: one definition of "today" (the business time zone's date), used for the
// default as-of date and so for the marts cache key.
import { describe, expect, it } from "vitest";
import { businessToday, ConfigError, resolveConfig, resolveSettings, siteSettings } from "../lib/config.ts";
import { inputsFingerprint } from "../lib/marts.ts";
import { writeFunnelFixture } from "./fixtures/funnel-fixture.ts";

describe("businessToday", () => {
  it("is the date in the business time zone, not in UTC", () => {
    // 2025-03-31 15:30 UTC is 2025-04-01 00:30 in Tokyo: a new day, a new fiscal year
    expect(businessToday("Asia/Tokyo", new Date("2025-03-31T15:30:00Z"))).toBe("2025-04-01");
    expect(businessToday("UTC", new Date("2025-03-31T15:30:00Z"))).toBe("2025-03-31");
    // 08:59 in Tokyo is still the day before in UTC
    expect(businessToday("Asia/Tokyo", new Date("2025-06-30T23:59:00Z"))).toBe("2025-07-01");
    expect(businessToday("America/New_York", new Date("2025-07-01T03:00:00Z"))).toBe("2025-06-30");
  });
});

describe("resolveSettings", () => {
  it("defaults the as-of date to today in the business time zone, so the marts key turns with the Tokyo day", async () => {
    const dir = await writeFunnelFixture();
    const cfg = resolveConfig({ data: dir }, {});
    // both instants are 2025-03-31 in UTC; the second is already April 1st in Tokyo
    const before = await resolveSettings(cfg, new Date("2025-03-31T14:00:00Z"));
    const after = await resolveSettings(cfg, new Date("2025-03-31T16:00:00Z"));
    expect(before).toEqual({ as_of: "2025-03-31", timezone: "Asia/Tokyo", fy_start_month: 4, holidays: "jp" });
    expect(after.as_of).toBe("2025-04-01");
    expect(inputsFingerprint(cfg, before)).not.toBe(inputsFingerprint(cfg, after));
    // the same business day gives the same key
    expect(inputsFingerprint(cfg, await resolveSettings(cfg, new Date("2025-03-31T01:00:00Z")))).toBe(inputsFingerprint(cfg, before));
  });

  it("takes flags over the environment over sql/rules/settings.sql", async () => {
    const dir = await writeFunnelFixture();
    const env = { RELAY_TIMEZONE: "UTC", RELAY_FY_START_MONTH: "1", RELAY_AS_OF: "2024-01-31" };
    const fromEnv = await resolveSettings(resolveConfig({ data: dir }, env));
    expect(fromEnv).toEqual({ as_of: "2024-01-31", timezone: "UTC", fy_start_month: 1, holidays: "jp" });
    const fromFlags = await resolveSettings(resolveConfig({ data: dir, asOf: "2024-02-29", timezone: "Asia/Tokyo" }, env));
    expect(fromFlags).toMatchObject({ as_of: "2024-02-29", timezone: "Asia/Tokyo", fy_start_month: 1 });
  });

  it("refuses a time zone it does not know, naming the setting", () => {
    expect(() => resolveConfig({ timezone: "Asia/Tokio" }, {})).toThrow(ConfigError);
    expect(() => resolveConfig({}, { RELAY_TIMEZONE: "Mars/Olympus" })).toThrow(/RELAY_TIMEZONE/);
    expect(() => resolveConfig({ asOf: "2025-02-30" }, {})).toThrow(/not a date/);
  });
});

describe("siteSettings", () => {
  it("renders the rep pages from a template unless told to let Framework render each, and names the setting when it is misspelt", () => {
    expect(siteSettings({}).repPages).toBe("template");
    expect(siteSettings({ RELAY_REP_PAGES: "framework" }).repPages).toBe("framework");
    expect(() => siteSettings({ RELAY_REP_PAGES: "frameworks" })).toThrow(ConfigError);
    expect(() => siteSettings({ RELAY_REP_PAGES: "frameworks" })).toThrow(/^RELAY_REP_PAGES "frameworks" is not known: leave it unset, or set it to framework/);
  });
});
