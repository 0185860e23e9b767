// Segment revenue, tier share, win/loss, origin and temperature win rates, and campaign
// results on a hand-built export, as of 2025-03-31. Expected values worked out below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../lib/config.ts";
import { queryRows } from "../lib/db.ts";
import { closePipeline, type Pipeline, runPipeline } from "../lib/pipeline.ts";
import { jst, writeFixture } from "./helpers/fixture.ts";

let p: Pipeline;

const deal = (id: string, account: string, owner: string, created: string, stage: string, more: Record<string, unknown> = {}) => ({
  Id: id, AccountId: account, OwnerId: owner, CreatedDate: jst(created), StageName: stage, Origin__c: "SGL", ...more,
});
const won = (close: string, amount: string | number) => ({ CloseDate: close, IsClosed: true, IsWon: true, Amount: amount });
const lost = (close: string, reason: string) => ({ CloseDate: close, IsClosed: true, LossReason__c: reason });
const setter = { AppointmentSetterId__c: "R1", Origin__c: "SQL" };

beforeAll(async () => {
  const dir = await writeFixture({
    users: [
      { Id: "R1", Name: "Rep", Department: "IS", Team__c: "SDR" },
      { Id: "F1", Name: "Field One", Department: "FS" },
      { Id: "F2", Name: "Field Two", Department: "FS" },
    ],
    accounts: [
      { Id: "E1", Name: "End user", CustomerType__c: "EndUser", NumberOfEmployees: 50 }, // Tier 1, 1-99
      { Id: "S1", Name: "Big SIer", CustomerType__c: "SIer", NumberOfEmployees: 2000, FocusTheme__c: true }, // Tier 1, 1000-4999
      { Id: "S2", Name: "SIer, size unknown", CustomerType__c: "SIer", NumberOfEmployees: null, FocusTheme__c: true }, // unknown size fails 1,000+: Tier 2
      { Id: "C1", Name: "Consultants", CustomerType__c: "Consulting", NumberOfEmployees: 300, PrimeContractor__c: null }, // null flag = false: Tier 3
      { Id: "X1", Name: "No type", CustomerType__c: null, NumberOfEmployees: 100 }, // unknown type: unclassified
      { Id: "N1", Name: "Huge end user", CustomerType__c: "EndUser", NumberOfEmployees: 6000 }, // Tier 1, 5000+: no closed deal
    ],
    opportunities: [
      // FY2023 (April 2023 - March 2024)
      deal("P1", "E1", "F1", "2023-05-01", "Closed Won", { ...won("2023-06-01", "0.1"), ...setter, Temperature__c: "A" }),
      deal("P2", "E1", "F1", "2023-05-15", "Closed Won", { ...won("2023-07-01", "0.2"), Temperature__c: "B" }),
      deal("P3", "S2", "F1", "2023-07-01", "Closed Lost", { ...lost("2023-08-01", "Price"), ...setter }),
      deal("P4", "X1", "F1", "2023-07-15", "Closed Lost", { ...lost("2023-09-01", "Timing"), Temperature__c: "C" }),
      // FY2024: every closed deal was lost
      deal("P5", "S1", "F2", "2024-04-01", "Closed Lost", { ...lost("2024-05-01", "Competitor"), ...setter }),
      deal("P6", "C1", "F2", "2024-04-10", "Closed Lost", lost("2024-06-01", "Competitor")),
      deal("P7", "C1", "F2", "2024-04-20", "Closed Lost", lost("2024-07-01", "Budget")),
      // open: N1's segment has no closed deal
      deal("P8", "N1", "F2", "2024-10-01", "02 Issue Recognition"),
    ],
    leads: [
      { Id: "LA", CreatedDate: jst("2023-04-12"), OwnerId: "R1", LeadSource: "Seminar", Status: "Converted", MQLDate__c: "2023-04-13", ConvertedAccountId: "S2", ConvertedOpportunityId: "P3" },
      { Id: "LB", CreatedDate: jst("2023-04-12"), OwnerId: "R1", LeadSource: "Seminar", Status: "Open" },
      { Id: "LC", CreatedDate: jst("2023-04-20"), OwnerId: "R1", LeadSource: "Seminar", Status: "Converted", MQLDate__c: "2023-04-21", ConvertedAccountId: "E1", ConvertedOpportunityId: "P1" },
    ],
    campaigns: [
      { Id: "CP1", Name: "Spring seminar", Type: "Seminar", StartDate: "2023-04-10" },
      { Id: "CP2", Name: "May seminar", Type: "Seminar", StartDate: "2023-05-01" },
      { Id: "CP3", Name: "Quiet webinar", Type: "Webinar", StartDate: "2023-06-01" },
    ],
    campaign_members: [
      { Id: "M1", CampaignId: "CP1", LeadId: "LA", CreatedDate: jst("2023-04-12"), HasResponded: true },
      { Id: "M2", CampaignId: "CP1", LeadId: "LB", CreatedDate: jst("2023-04-12"), HasResponded: false },
      { Id: "M3", CampaignId: "CP1", LeadId: "LC", CreatedDate: jst("2023-04-20"), HasResponded: true },
      { Id: "M4", CampaignId: "CP2", LeadId: "LC", CreatedDate: jst("2023-05-01"), HasResponded: true },
    ],
  });
  p = await runPipeline(resolveConfig({ data: dir, asOf: "2025-03-31" }, {}));
});

afterAll(async () => closePipeline(p));

const rows = (q: string) => queryRows(p.db, q);

describe("segment_revenue", () => {
  it("sums won amounts exactly and gives win rate, deal size and share of the year", async () => {
    const r = await rows("select *, won_amount::varchar as won_amount_text from segment_revenue where fiscal_year = 2023 order by tier, customer_type, size_band");
    const seg = (type: string, band: string) => r.find((x) => x.customer_type === type && x.size_band === band)!;
    // EndUser 1-99 (Tier 1): P1 0.1 + P2 0.2 won, exactly 0.3 of the year's 0.3
    expect(seg("EndUser", "1-99")).toMatchObject({ tier: "Tier 1", closed: 2, won: 2, win_rate: 1, avg_won_amount: 0.15, share_of_won_amount: 1 });
    expect(seg("EndUser", "1-99").won_amount_text).toBe("0.3000");
    // SIer with unknown size: Tier 2; P3 lost
    expect(seg("SIer", "unknown")).toMatchObject({ tier: "Tier 2", closed: 1, won: 0, win_rate: 0, won_amount: 0, avg_won_amount: null, share_of_won_amount: 0 });
    // no customer type: unknown / unclassified; P4 lost
    expect(seg("unknown", "100-299")).toMatchObject({ tier: "unclassified", closed: 1, won: 0, win_rate: 0 });
    // N1's segment closed nothing: win rate null, not 0
    expect(seg("EndUser", "5000+")).toMatchObject({ tier: "Tier 1", closed: 0, won: 0, win_rate: null, share_of_won_amount: 0 });
  });

  it("leaves the share of won amount null in a year where nothing was won", async () => {
    const r = await rows("select * from segment_revenue where fiscal_year = 2024");
    // six segments, each present; P5 (S1), P6 and P7 (C1) were all lost
    expect(r).toHaveLength(6);
    expect(r.every((x) => x.share_of_won_amount === null)).toBe(true);
    expect(r.find((x) => x.customer_type === "Consulting")).toMatchObject({ size_band: "300-999", tier: "Tier 3", closed: 2, won: 0, win_rate: 0 });
    expect(r.find((x) => x.customer_type === "SIer" && x.size_band === "1000-4999")).toMatchObject({ tier: "Tier 1", closed: 1, win_rate: 0 });
    expect(r.find((x) => x.customer_type === "EndUser" && x.size_band === "1-99")).toMatchObject({ closed: 0, win_rate: null });
  });
});

describe("tier_share", () => {
  it("gives SQLs by creation month and won amount by close month per tier, with shares", async () => {
    const r = await rows("select month, tier, sqls, won_amount, sqls_share, won_amount_share from tier_share where period_kind = 'month' and (sqls > 0 or won_amount > 0)");
    expect(r).toEqual([
      { month: "2023-05", tier: "Tier 1", sqls: 1, won_amount: 0, sqls_share: 1, won_amount_share: null }, // P1 created
      { month: "2023-06", tier: "Tier 1", sqls: 0, won_amount: 0.1, sqls_share: null, won_amount_share: 1 }, // P1 won
      { month: "2023-07", tier: "Tier 1", sqls: 0, won_amount: 0.2, sqls_share: 0, won_amount_share: 1 }, // P2 (SGL) won
      { month: "2023-07", tier: "Tier 2", sqls: 1, won_amount: 0, sqls_share: 1, won_amount_share: 0 }, // P3 created
      { month: "2024-04", tier: "Tier 1", sqls: 1, won_amount: 0, sqls_share: 1, won_amount_share: null }, // P5 created
    ]);
  });
});

describe("tier_revenue and segment_matrix", () => {
  it("gives each tier's revenue and win rate, and the win rate of the other tiers together", async () => {
    expect(await rows("select tier, closed, won, win_rate, won_amount, share_of_won_amount, other_tiers_win_rate from tier_revenue where fiscal_year = 2023")).toEqual([
      // Tier 1: P1 and P2 won (0.3 of 0.3); the other tiers closed P3 and P4, won nothing
      { tier: "Tier 1", closed: 2, won: 2, win_rate: 1, won_amount: 0.3, share_of_won_amount: 1, other_tiers_win_rate: 0 },
      // Tier 2: P3 lost; the others closed 3 and won 2
      { tier: "Tier 2", closed: 1, won: 0, win_rate: 0, won_amount: 0, share_of_won_amount: 0, other_tiers_win_rate: 2 / 3 },
      // Tier 3 closed nothing in FY2023: win rate null, not 0
      { tier: "Tier 3", closed: 0, won: 0, win_rate: null, won_amount: 0, share_of_won_amount: 0, other_tiers_win_rate: 2 / 4 },
      { tier: "unclassified", closed: 1, won: 0, win_rate: 0, won_amount: 0, share_of_won_amount: 0, other_tiers_win_rate: 2 / 3 },
    ]);
  });

  it("lays the segments out as customer type x size band cells in their natural order", async () => {
    const r = await rows("select customer_type, size_band, tiers, closed, won, win_rate, won_amount from segment_matrix where fiscal_year = 2023");
    expect(r).toEqual([
      { customer_type: "EndUser", size_band: "1-99", tiers: "Tier 1", closed: 2, won: 2, win_rate: 1, won_amount: 0.3 },
      { customer_type: "EndUser", size_band: "5000+", tiers: "Tier 1", closed: 0, won: 0, win_rate: null, won_amount: 0 },
      { customer_type: "SIer", size_band: "1000-4999", tiers: "Tier 1", closed: 0, won: 0, win_rate: null, won_amount: 0 },
      { customer_type: "SIer", size_band: "unknown", tiers: "Tier 2", closed: 1, won: 0, win_rate: 0, won_amount: 0 },
      { customer_type: "Consulting", size_band: "300-999", tiers: "Tier 3", closed: 0, won: 0, win_rate: null, won_amount: 0 },
      { customer_type: "unknown", size_band: "100-299", tiers: "unclassified", closed: 1, won: 0, win_rate: 0, won_amount: 0 },
    ]);
  });
});

describe("tier_share by fiscal quarter and year", () => {
  // FY2024-Q1 (April-June 2024), as of 2024-09-30:
  //   April: SQLs A (Tier 1) and B (Tier 3) created and won, 300 and 100
  //   May:   SQLs C (Tier 1) and D (Tier 3) created and lost: nothing won, the month's won share is null
  //   June:  sales-generated deals won: E (Tier 3) 600 and F (Tier 1, a focus SIer) 50; G (Tier 2 SIer) lost
  // Quarter: SQLs 2 of 4 Tier 1 = 0.5; won 350 of 1,050 = 1/3 for Tier 1. Averaging the months'
  // shares instead would give (0.75 + 50/650) / 2 with May left out, or less with May as 0.
  let q: Pipeline;
  beforeAll(async () => {
    const d = (id: string, account: string, created: string, more: Record<string, unknown>) => deal(id, account, "F1", created, more.IsWon ? "Closed Won" : "Closed Lost", more);
    const dir = await writeFixture({
      users: [{ Id: "R1", Name: "Rep", Department: "IS", Team__c: "SDR" }, { Id: "F1", Name: "Field One", Department: "FS" }],
      accounts: [
        { Id: "E1", Name: "End user", CustomerType__c: "EndUser", NumberOfEmployees: 50 },
        { Id: "T3", Name: "Other", CustomerType__c: "Other", NumberOfEmployees: 50 },
        { Id: "SA", Name: "Focus SIer", CustomerType__c: "SIer", NumberOfEmployees: 2000, FocusTheme__c: true },
        { Id: "SB", Name: "Plain SIer", CustomerType__c: "SIer", NumberOfEmployees: 3000, FocusTheme__c: false },
      ],
      leads: [{ Id: "L1", CreatedDate: jst("2024-04-01"), OwnerId: "R1", LeadSource: "Web", Status: "Open" }],
      opportunities: [
        d("A", "E1", "2024-04-05", { ...won("2024-04-20", 300), ...setter }),
        d("B", "T3", "2024-04-06", { ...won("2024-04-25", 100), ...setter }),
        d("C", "E1", "2024-05-02", { ...lost("2024-05-20", "Price"), ...setter }),
        d("D", "T3", "2024-05-03", { ...lost("2024-05-21", "Price"), ...setter }),
        d("E", "T3", "2024-03-01", won("2024-06-10", 600)),
        d("F", "SA", "2024-06-01", won("2024-06-15", 50)),
        d("G", "SB", "2024-06-01", lost("2024-06-16", "Price")),
      ],
    });
    q = await runPipeline(resolveConfig({ data: dir, asOf: "2024-09-30" }, {}));
  });
  afterAll(async () => closePipeline(q));

  it("computes a quarter's shares over the whole quarter, an all-lost month included", async () => {
    const r = await queryRows(q.db, "select period_kind, period, month, tier, sqls, won_amount, sqls_share, won_amount_share from tier_share where period_kind <> 'month' and period like 'FY2024%' order by period_kind, tier");
    const q1 = { period_kind: "fiscal_quarter", period: "FY2024-Q1", month: null };
    const fy = { period_kind: "fiscal_year", period: "FY2024", month: null };
    const tiers = [
      { tier: "Tier 1", sqls: 2, won_amount: 350, sqls_share: 0.5, won_amount_share: 350 / 1050 },
      { tier: "Tier 2", sqls: 0, won_amount: 0, sqls_share: 0, won_amount_share: 0 },
      { tier: "Tier 3", sqls: 2, won_amount: 700, sqls_share: 0.5, won_amount_share: 700 / 1050 },
      { tier: "unclassified", sqls: 0, won_amount: 0, sqls_share: 0, won_amount_share: 0 },
    ];
    expect(r).toEqual([...tiers.map((x) => ({ ...q1, ...x })), ...tiers.map((x) => ({ ...fy, ...x }))]);
    // the all-lost month itself: SQLs shared, won share null for every tier
    const may = await queryRows(q.db, "select tier, sqls_share, won_amount_share from tier_share where period = '2024-05' and tier in ('Tier 1', 'Tier 3') order by tier");
    expect(may).toEqual([{ tier: "Tier 1", sqls_share: 0.5, won_amount_share: null }, { tier: "Tier 3", sqls_share: 0.5, won_amount_share: null }]);
  });

  it("sums two tiers that share a customer type and size band into one cell", async () => {
    const r = await queryRows(q.db, "select customer_type, size_band, tiers, closed, won, win_rate, won_amount from segment_matrix where fiscal_year = 2024 and customer_type = 'SIer'");
    expect(r).toEqual([{ customer_type: "SIer", size_band: "1000-4999", tiers: "Tier 1, Tier 2", closed: 2, won: 1, win_rate: 0.5, won_amount: 50 }]);
  });
});

describe("win_loss_by_rep, origin_win_rate, temperature_win_rate", () => {
  it("gives each owner's win rate and top loss reason, ties to the alphabetically first", async () => {
    const r = await rows("select owner_name, fiscal_year, closed, won, win_rate, won_amount, top_loss_reason from win_loss_by_rep");
    expect(r).toEqual([
      // Field One: P1, P2 won, P3 (Price) and P4 (Timing) lost: a tie, Price comes first
      { owner_name: "Field One", fiscal_year: 2023, closed: 4, won: 2, win_rate: 0.5, won_amount: 0.3, top_loss_reason: "Price" },
      // Field Two: Competitor twice, Budget once
      { owner_name: "Field Two", fiscal_year: 2024, closed: 3, won: 0, win_rate: 0, won_amount: 0, top_loss_reason: "Competitor" },
    ]);
  });

  it("compares SQL and SGL win rates", async () => {
    expect(await rows("select fiscal_year, origin, closed, won, win_rate from origin_win_rate")).toEqual([
      { fiscal_year: 2023, origin: "SGL", closed: 2, won: 1, win_rate: 0.5 }, // P2 won, P4 lost
      { fiscal_year: 2023, origin: "SQL", closed: 2, won: 1, win_rate: 0.5 }, // P1 won, P3 lost
      { fiscal_year: 2024, origin: "SGL", closed: 2, won: 0, win_rate: 0 }, // P6, P7
      { fiscal_year: 2024, origin: "SQL", closed: 1, won: 0, win_rate: 0 }, // P5
    ]);
  });

  it("gives win rate by temperature, with missing temperatures as unknown", async () => {
    const r = await rows("select temperature, closed, won, win_rate from temperature_win_rate where fiscal_year = 2023");
    expect(r).toEqual([
      { temperature: "A", closed: 1, won: 1, win_rate: 1 },
      { temperature: "B", closed: 1, won: 1, win_rate: 1 },
      { temperature: "C", closed: 1, won: 0, win_rate: 0 },
      { temperature: "unknown", closed: 1, won: 0, win_rate: 0 }, // P3
    ]);
  });
});

describe("campaign_results", () => {
  it("credits each campaign with its members' MQLs, SQLs and won amount, against its type's average", async () => {
    const r = await rows("select campaign_id, members, responders, mqls, sqls, won_amount, type_campaigns, type_avg_members, members_vs_type_avg, sqls_vs_type_avg, won_amount_vs_type_avg from campaign_results");
    expect(r).toEqual([
      // CP1: LA (responded, MQL, SQL P3 lost), LB, LC (responded, MQL, SQL P1 won 0.1).
      // Seminars of FY2023: CP1 and CP2, averaging (3 + 1) / 2 = 2 members, (2 + 1) / 2 = 1.5 SQLs, 0.1 won
      { campaign_id: "CP1", members: 3, responders: 2, mqls: 2, sqls: 2, won_amount: 0.1, type_campaigns: 2, type_avg_members: 2, members_vs_type_avg: 1.5, sqls_vs_type_avg: 2 / 1.5, won_amount_vs_type_avg: 1 },
      // CP2: LC again: full credit to every campaign the lead attended
      { campaign_id: "CP2", members: 1, responders: 1, mqls: 1, sqls: 1, won_amount: 0.1, type_campaigns: 2, type_avg_members: 2, members_vs_type_avg: 0.5, sqls_vs_type_avg: 1 / 1.5, won_amount_vs_type_avg: 1 },
      // CP3: the only webinar, with no member: ratios to an average of 0 are null
      { campaign_id: "CP3", members: 0, responders: 0, mqls: 0, sqls: 0, won_amount: 0, type_campaigns: 1, type_avg_members: 0, members_vs_type_avg: null, sqls_vs_type_avg: null, won_amount_vs_type_avg: null },
    ]);
  });

  it("sums up each fiscal year: campaigns, those with an SQL, those below their type's average", async () => {
    // CP2's 1 SQL is below the seminars' 1.5; CP3 has no average to compare with
    expect(await rows("select fiscal_year, campaigns, with_sqls, below_type_avg from campaign_summary")).toEqual([
      { fiscal_year: 2023, campaigns: 3, with_sqls: 2, below_type_avg: 1 },
    ]);
  });
});
