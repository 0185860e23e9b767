// A deterministic generator of a realistic CRM export in exactly the contract's shape.
//
// The story it tells, so that every page has something true to show:
// - IS teams SDR (inbound leads, shared out by daily shifts), BDR (outbound) and Recycle
//   (re-engaging returned deals); field sales owners; every customer type and size.
// - Each IS rep-month has an "effectiveness": it drives how many accounts the rep
//   reaches and how many appointments follow, while raw activity volume is noisy, so
//   appointments correlate more with unique accounts than with activity volume.
// - FY2022-FY2023 SQLs mostly stall at phase <= 02; FY2024 fixes that (03+ over 65%).
// - Some lost deals are "Returned to IS"; roughly 15-20% re-ignite within 183 days.
// - The opportunity history is Salesforce's: a row on every change of stage, amount or
//   close date, with the deal's values after it. Amounts are revised up and down; close
//   dates slip (some deals several times, across quarters), a few are pulled in; open
//   deals expect to close over the next year. A quarterly pipeline review closes as lost
//   the deals that went quiet in an early stage, and a few lost deals are reopened.
// Everything comes from seeded random streams, so a seed writes the same bytes. The main
// stream made the data set before the history moved; what was added since draws from
// streams of its own, so that every figure the main stream tells stayed as it was.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTRACT, duckdbType, type ObjectName } from "../contract.ts";
import { ParquetTable, type Value } from "../parquet-writer.ts";
import { COMPANY_STEMS, COMPANY_TAILS, GIVEN, INDUSTRIES, ROMAN_GIVEN, ROMAN_SURNAMES, SURNAMES } from "./names.ts";
import { type CloseSegment, closeDatePath, amountPath, type Edit, historyRows, quarterOf } from "./history.ts";
import { Random, sfId } from "./random.ts";

export interface SampleOptions {
  outDir: string;
  scale?: number;
  seed?: number;
}

export interface SampleSummary {
  seed: number;
  scale: number;
  as_of: string;
  start: string;
  rows: Record<string, number>;
}

const START = "2022-04-01";
const AS_OF = "2025-09-30";
const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** UTC epoch ms of a Tokyo local day and minute of the day. */
const jstMs = (day: number, minute: number) => day * DAY_MS + minute * 60_000 - JST_OFFSET_MS;
const monthOf = (day: number) => isoDay(day).slice(0, 7);
const fiscalYearOf = (day: number) => {
  const [y, m] = isoDay(day).split("-").map(Number);
  return m < 4 ? y - 1 : y;
};

const STAGES = ["01 Pre-Opportunity", "02 Issue Recognition", "03 Evaluation", "04 Final Negotiation", "05 Approval"];
const WON = "Closed Won";
const LOST = "Closed Lost";
const RETURNED = "Returned to IS";

const PASSIVE_SOURCES = [["Inquiry", 25], ["Document Request", 25], ["Seminar", 15], ["Webinar", 15], ["Free Trial", 10], ["Web", 10]] as const;
const BDR_SOURCES = [["Outbound Call", 45], ["Outbound Email", 30], ["List", 15], ["Event", 5], ["Referral", 5]] as const;
const RECYCLE_SOURCES = [["Re-engagement", 80], ["Outbound Call", 20]] as const;
const UNCLASSIFIED_SOURCES = ["Partner", "", null] as const;
const LOSS_REASONS = ["Price", "Competitor", "No Budget", "Timing", "No Decision"];
/** Share of SQLs reaching phase 03 or beyond, by fiscal year of creation: the stagnation story. */
const REACH_03: Record<number, number> = { 2022: 0.36, 2023: 0.36, 2024: 0.82, 2025: 0.75 };

interface User { Id: string; Name: string; Department: string; Team__c: string | null; IsActive: boolean; Email: string; skill: number; activeUntil: number }
interface Account { Id: string; Name: string; Industry: string; NumberOfEmployees: number | null; CustomerType__c: string | null; FocusTheme__c: boolean | null; PrimeContractor__c: boolean | null; tier: number }
interface Lead { id: string; ms: number; day: number; owner: string; source: string | null; passive: boolean; account: number; mql: number | null; opp: string | null; convDay: number | null; n: number }
interface StageEvent { stage: string; day: number }
interface Opp { id: string; account: number; owner: string; setter: string | null; ms: number; day: number; leadSource: string | null; origin: string | null; temperature: string }

function workingDays(): { all: number[]; working: number[]; isWorking: Set<number> } {
  const holidays = new Set(
    readFileSync(fileURLToPath(new URL("../../sql/rules/holidays_jp.csv", import.meta.url)), "utf8")
      .split("\n").slice(1).filter(Boolean).map((l) => toDay(l.split(",")[0])),
  );
  const all: number[] = [];
  const working: number[] = [];
  for (let d = toDay(START); d <= toDay(AS_OF); d++) {
    all.push(d);
    const dow = new Date(d * DAY_MS).getUTCDay();
    if (dow !== 0 && dow !== 6 && !holidays.has(d)) working.push(d);
  }
  return { all, working, isWorking: new Set(working) };
}

function personName(rng: Random, i: number): string {
  return i % 3 === 2 ? `${rng.pick(ROMAN_GIVEN)} ${rng.pick(ROMAN_SURNAMES)}` : `${rng.pick(SURNAMES)} ${rng.pick(GIVEN)}`;
}

function makeUsers(rng: Random, scale: number) {
  const v = Math.sqrt(scale);
  const users: User[] = [];
  let n = 0;
  const names = new Set<string>();
  const add = (Department: string, Team__c: string | null, activeUntil = toDay(AS_OF), IsActive = true) => {
    const i = n++;
    let name = personName(rng, i);
    while (names.has(name)) name = personName(rng, i); // two reps with one name confuse every chart
    names.add(name);
    users.push({ Id: sfId("005", i + 1), Name: name, Department, Team__c, IsActive, Email: `user${i + 1}@example.com`, skill: rng.uniform(0.75, 1.25), activeUntil });
  };
  for (let i = 0; i < Math.round(5 * v); i++) add("IS", "SDR");
  for (let i = 0; i < Math.round(4 * v); i++) add("IS", "BDR");
  for (let i = 0; i < Math.round(3 * v); i++) add("IS", "Recycle");
  add("IS", "SDR", toDay("2023-12-31"), false); // left the team: inactive now
  for (let i = 0; i < Math.round(8 * v); i++) add("FS", null);
  add("CS", null);
  add("CS", null);
  add("Marketing", null);
  add("Marketing", null);
  return users;
}

function makeAccounts(rng: Random, scale: number): Account[] {
  const accounts: Account[] = [];
  const count = Math.round(4000 * scale);
  for (let i = 0; i < count; i++) {
    const type = rng.weighted([["EndUser", 30], ["SIer", 30], ["Consulting", 20], ["Other", 15], [null, 4], ["Reseller", 1]] as const);
    const band = rng.weighted([[[10, 99], 25], [[100, 299], 25], [[300, 999], 20], [[1000, 4999], 20], [[5000, 60000], 10]] as const);
    const employees = rng.chance(0.03) ? null : rng.int(band[0], band[1]);
    const focus = type === "SIer" ? (rng.chance(0.05) ? null : rng.chance(0.45)) : null;
    const prime = type === "Consulting" ? (rng.chance(0.05) ? null : rng.chance(0.45)) : null;
    const big = (employees ?? 0) >= 1000;
    const tier =
      type === "EndUser" ? 1
      : type === "SIer" ? (big && focus ? 1 : big || focus ? 2 : 3)
      : type === "Consulting" ? (big && prime ? 1 : big || prime ? 2 : 3)
      : type === "Other" ? 3 : 4;
    const stem = rng.pick(COMPANY_STEMS);
    const tail = rng.pick(COMPANY_TAILS);
    let name = /[a-z]/i.test(stem + tail) && rng.chance(0.5) ? `${stem} ${tail} Inc.` : `株式会社${stem}${tail}`;
    // Text that must render as text: HTML, emoji, a very long name.
    if (i === 0) name = "<b>Bold</b> & <script>alert('x')</script> Corp";
    if (i === 1) name = "スマイル商事 😀";
    if (i === 2) name = `${"とても長い会社名".repeat(12)} Holdings`;
    accounts.push({ Id: sfId("001", i + 1), Name: `${name}${i > 2 ? ` ${i + 1}` : ""}`, Industry: rng.pick(INDUSTRIES), NumberOfEmployees: employees, CustomerType__c: type, FocusTheme__c: focus, PrimeContractor__c: prime, tier });
  }
  return accounts;
}

function tableFor(out: string, object: ObjectName): Promise<ParquetTable> {
  const spec = CONTRACT.find((o) => o.name === object)!;
  return ParquetTable.open(join(out, `${object}.parquet`), spec.columns.map((c) => ({ name: c.name, type: duckdbType(c.type) })));
}

export async function generateSample(opts: SampleOptions): Promise<SampleSummary> {
  const scale = opts.scale ?? 1;
  const seed = opts.seed ?? 42;
  const out = opts.outDir;
  mkdirSync(out, { recursive: true });
  const rng = new Random(seed);
  const cal = workingDays();
  const asOf = toDay(AS_OF);
  const v = Math.sqrt(scale);

  const users = makeUsers(rng, scale);
  const accounts = makeAccounts(rng, scale);
  const team = (t: string) => users.filter((u) => u.Department === "IS" && u.Team__c === t);
  const sdrs = team("SDR");
  const bdrs = team("BDR");
  const recyclers = team("Recycle");
  const fs = users.filter((u) => u.Department === "FS");
  // A loss reason each field rep hears most, so win/loss reviews differ per rep.
  const fsReason = new Map(fs.map((u, i) => [u.Id, LOSS_REASONS[i % LOSS_REASONS.length]]));

  const tasks = await tableFor(out, "tasks");
  let taskN = 0;
  const addTask = (owner: string, day: number, minute: number, type: string, who: string | null, what: string | null, account: string | null, disposition: string | null, r: Random = rng) => {
    const ms = jstMs(day, minute);
    tasks.add({
      Id: sfId("00T", ++taskN), OwnerId: owner, CreatedDate: ms, Type: type, WhoId: who, WhatId: what, AccountId: account,
      ActivityDate: day, CallDisposition: disposition, CallDurationInSeconds: type === "Call" ? (disposition === "Conversation" ? r.int(180, 1500) : r.int(0, 90)) : null,
    });
  };

  // ---- leads ----------------------------------------------------------------
  const leads: Lead[] = [];
  const newLead = (day: number, owner: string, source: string | null, passive: boolean, account: number): Lead => {
    const l: Lead = { id: sfId("00Q", leads.length + 1), ms: jstMs(day, rng.int(8 * 60, 20 * 60)), day, owner, source, passive, account, mql: null, opp: null, convDay: null, n: leads.length + 1 };
    if (rng.chance(0.6)) l.mql = Math.min(asOf, day + rng.int(0, 5));
    leads.push(l);
    return l;
  };
  const randomAccount = () => rng.int(0, accounts.length - 1);

  // Passive leads arrive every working day and are shared out by daily shifts: the
  // rotation starts with a different SDR each day.
  const passiveByRepMonth = new Map<string, Lead[]>();
  const passivePerDay = (12000 * 0.55 * scale) / cal.working.length;
  cal.working.forEach((day, dayIndex) => {
    const onShift = sdrs.filter((u) => u.activeUntil >= day);
    const count = rng.poisson(passivePerDay * (0.8 + 0.4 * ((day - cal.working[0]) / (asOf - cal.working[0]))));
    for (let j = 0; j < count; j++) {
      const rep = onShift[(dayIndex + j) % onShift.length];
      const unclassified = rng.chance(0.04);
      const source = unclassified ? rng.pick(UNCLASSIFIED_SOURCES) : rng.weighted(PASSIVE_SOURCES);
      const lead = newLead(day, rep.Id, source, !unclassified, randomAccount());
      const key = `${rep.Id}|${monthOf(day)}`;
      const list = passiveByRepMonth.get(key);
      if (list) list.push(lead);
      else passiveByRepMonth.set(key, [lead]);
      // speed to lead: most passive leads get a first call within the hour
      if (!rng.chance(0.1)) {
        const delay = Math.round(rng.exponential(45));
        const minute = (lead.ms + JST_OFFSET_MS - day * DAY_MS) / 60_000 + delay;
        addTask(rep.Id, day + Math.floor(minute / 1440), minute % 1440, "Call", lead.id, null, accounts[lead.account].Id, rng.pick(["No Answer", "Connected", "Voicemail"]));
      }
    }
  });

  // ---- IS rep-months: activity and appointments --------------------------------
  const opps: Opp[] = [];
  const newOpp = (day: number, account: number, setter: string | null, leadSource: string | null): Opp => {
    const o: Opp = {
      id: sfId("006", opps.length + 1), account, owner: rng.pick(fs).Id, setter, ms: jstMs(day, rng.int(9 * 60, 19 * 60)), day,
      leadSource, origin: setter ? (rng.chance(0.03) ? null : "SQL") : "SGL", temperature: rng.weighted([["A", 30], ["B", 45], ["C", 25]] as const),
    };
    opps.push(o);
    return o;
  };
  const months: { start: number; end: number; days: number[] }[] = [];
  for (const d of cal.working) {
    const m = months[months.length - 1];
    if (m && monthOf(m.start) === monthOf(d)) m.days.push(d);
    else months.push({ start: d, end: d, days: [d] });
    months[months.length - 1].end = d;
  }
  for (const rep of [...sdrs, ...bdrs, ...recyclers]) {
    for (const month of months) {
      const days = month.days.filter((d) => d <= rep.activeUntil);
      if (days.length === 0) continue;
      const effectiveness = rng.uniform(0.5, 1.5) * rep.skill * (days.length / month.days.length);
      const reached = Math.max(1, Math.round(40 * effectiveness * v * rng.uniform(0.92, 1.08)));
      const appointments = Math.max(0, Math.round(reached * 0.1 + rng.normal() * 0.5));
      const activities = Math.round(reached * rng.uniform(1.6, 5));
      const conversations = Math.round(reached * rng.uniform(0.2, 0.6));

      // the leads this rep works this month
      let monthLeads = passiveByRepMonth.get(`${rep.Id}|${monthOf(month.start)}`) ?? [];
      if (rep.Team__c !== "SDR") {
        monthLeads = [];
        const n = Math.round(reached * 0.7);
        for (let i = 0; i < n; i++) {
          const src = rng.chance(0.03) ? rng.pick(UNCLASSIFIED_SOURCES) : rng.weighted(rep.Team__c === "BDR" ? BDR_SOURCES : RECYCLE_SOURCES);
          monthLeads.push(newLead(rng.pick(days), rep.Id, src, false, randomAccount()));
        }
      }
      // appointments: leads of the month converted into SQL opportunities
      for (const lead of rng.sample(monthLeads.filter((l) => l.day <= days[days.length - 1]), appointments)) {
        const later = days.filter((d) => d >= lead.day && d <= lead.day + 4);
        const day = later.length ? rng.pick(later) : lead.day;
        const o = newOpp(day, lead.account, rep.Id, rng.chance(0.05) ? null : lead.source);
        lead.opp = o.id;
        lead.convDay = day;
        if (rng.chance(0.9)) lead.mql = Math.min(lead.mql ?? day, day);
      }
      // activity: every reached target gets a task, the rest spread over them
      const targets: { who: string | null; account: string }[] = monthLeads.slice(0, reached).map((l) => ({ who: l.id, account: accounts[l.account].Id }));
      while (targets.length < reached) targets.push({ who: null, account: accounts[randomAccount()].Id });
      for (let i = 0; i < activities; i++) {
        const target = i < targets.length ? targets[i] : rng.pick(targets);
        const type = rng.weighted([["Call", 75], ["Email", 20], ["Meeting", 5]] as const);
        const disposition = type !== "Call" ? null : i < conversations ? "Conversation" : rng.pick(["No Answer", "Connected", "Voicemail", "Busy"]);
        addTask(rep.Id, rng.pick(days), rng.int(9 * 60, 19 * 60), i < conversations ? "Call" : type, target.who, null, target.account, i < conversations ? "Conversation" : disposition);
      }
    }
  }
  // sales-generated deals
  const sglCount = Math.round(opps.length * 0.25);
  for (let i = 0; i < sglCount; i++) newOpp(rng.pick(cal.working), randomAccount(), null, rng.pick([null, null, "Referral", "Event"]));

  // ---- stage histories ----------------------------------------------------------
  // The main stream decides each deal's stages, outcome and amount, as it always has. How
  // its amount and close date move, which long-quiet deals a pipeline review closes out
  // and which lost deals come back come from streams of their own, so that adding them
  // changed nothing else: where a deal's fate changes, the main stream still makes (and
  // discards) the draws the old fate made.
  const moveRng = new Random(seed ^ 0x51ed);
  const fateRng = new Random(seed ^ 0x0fa7e);
  const taskRng = new Random(seed ^ 0x7a5c);
  const history = await tableFor(out, "opportunity_history");
  const oppTable = await tableFor(out, "opportunities");
  let historyN = 0;
  let wonTotal = 0;
  const minuteOf = (r: Random) => r.int(9 * 60, 19 * 60);
  for (let i = 0; i < opps.length; i++) {
    const o = opps[i];
    const acct = accounts[o.account];
    const events: StageEvent[] = [{ stage: STAGES[0], day: o.day }];
    let t = o.day;
    const step = (stage: string, lo: number, hi: number) => {
      t += rng.int(lo, hi);
      events.push({ stage, day: t });
    };
    let phase = 1;
    let outcome: "won" | "lost" | "open" = "open";
    if (rng.chance(0.88)) {
      step(STAGES[rng.chance(0.04) ? 2 : 1], 2, 20); // 4% skip straight to 03
      phase = events[events.length - 1].stage === STAGES[2] ? 3 : 2;
      if (phase === 2 && rng.chance(REACH_03[fiscalYearOf(o.day)] ?? 0.6)) {
        step(STAGES[rng.chance(0.05) ? 3 : 2], 7, 45); // 5% skip 03
        phase = events[events.length - 1].stage === STAGES[3] ? 4 : 3;
      }
      if (phase === 3 && rng.chance(0.03)) step(STAGES[1], 5, 20); // a regression to 02
      else if (phase >= 3) {
        if (phase === 3 && rng.chance(0.75)) (step(STAGES[3], 10, 40), (phase = 4));
        if (phase === 4 && rng.chance(0.8)) (step(STAGES[4], 5, 30), (phase = 5));
      }
    }
    const reachedLate = events.some((e) => e.stage === STAGES[2] || e.stage === STAGES[3] || e.stage === STAGES[4]);
    if (phase === 5) {
      const pWin = (acct.tier === 1 ? 0.75 : acct.tier === 2 ? 0.55 : 0.4) * (o.temperature === "A" ? 1.25 : o.temperature === "B" ? 1 : 0.7);
      outcome = rng.chance(Math.min(0.95, pWin)) ? "won" : "lost";
      step(outcome === "won" ? WON : LOST, 5, 30);
    } else if (rng.chance(reachedLate ? 0.6 : 0.75)) {
      outcome = "lost";
      step(LOST, reachedLate ? 10 : 20, reachedLate ? 60 : 120);
    } else if (asOf - t > 365 && rng.chance(0.85)) {
      // pipeline reviews close out most deals left open for a year
      outcome = "lost";
      step(LOST, 120, 300);
    }
    // what is known on the as-of date
    const visible = events.filter((e) => e.day <= asOf);
    const last = visible[visible.length - 1];
    const closed = last.stage === WON || last.stage === LOST;
    const won = last.stage === WON;
    const highest = Math.max(...visible.map((e) => STAGES.indexOf(e.stage) + 1));
    const lossReason = !closed || won ? null : rng.chance(highest <= 2 ? 0.25 : 0.05) ? RETURNED : rng.chance(0.6) ? fsReason.get(o.owner)! : rng.pick(LOSS_REASONS);
    const band = acct.NumberOfEmployees ?? 300;
    const amount = Math.round((band >= 5000 ? rng.uniform(15, 60) : band >= 1000 ? rng.uniform(8, 30) : band >= 300 ? rng.uniform(4, 15) : band >= 100 ? rng.uniform(2, 8) : rng.uniform(1, 4)) * (acct.tier === 1 ? 1.3 : 1) * 1000) * 1000;
    // the main stream's expected close of an open deal (asOf - 20 to asOf + 90): drawn and
    // discarded, open deals now expect to close over the next year (below)
    if (!closed) rng.int(-20, 90);
    const nextAction = closed ? null : rng.weighted([[null, 25], [asOf - rng.int(1, 40), 30], [asOf + rng.int(1, 30), 45]] as const);
    const amountNull = rng.chance(0.02);
    // migrated deals: a few lost ones have no history at all
    const withHistory = !(outcome === "lost" && rng.chance(0.015));
    const stageMs = withHistory ? visible.map((e, k) => (k === 0 ? o.ms : jstMs(e.day, minuteOf(rng)))) : [];

    // ---- the deal's fate on as_of
    // A deal open in one stage for over a year went quiet a while after its last step, and
    // a quarterly pipeline review closed it as lost a few months later.
    const closeOut = !closed && asOf - last.day > 365;
    let quietFrom = asOf;
    let finalStage = last.stage;
    let finalClosed = closed;
    let finalReason = lossReason;
    let finalNextAction = nextAction;
    const extraStages: { stage: string; day: number; ms: number }[] = [];
    if (closeOut) {
      quietFrom = last.day + fateRng.int(14, 120);
      const review = quarterOf(quietFrom + 60)[1] + 1 + fateRng.int(3, 25);
      extraStages.push({ stage: LOST, day: review, ms: jstMs(review, minuteOf(fateRng)) });
      finalStage = LOST;
      finalClosed = true;
      finalReason = fateRng.weighted([["No Decision", 55], ["Timing", 30], ["No Budget", 15]] as const);
      finalNextAction = null;
    }
    // A few deals lost in the last eight months came back: reopened in the stage they were
    // lost from (one entered within the year); some of them lost again since.
    let reopened: number | null = null;
    const lostFrom = visible[visible.length - 2];
    if (closed && !won && withHistory && lossReason !== RETURNED && asOf - last.day >= 30 && asOf - last.day <= 240 && asOf - lostFrom.day <= 330 && fateRng.chance(0.1)) {
      const day = last.day + fateRng.int(14, 150);
      if (day <= asOf - 7) {
        reopened = day;
        const stage = lostFrom.stage;
        extraStages.push({ stage, day, ms: jstMs(day, minuteOf(fateRng)) });
        finalStage = stage;
        finalClosed = false;
        finalReason = null;
        finalNextAction = fateRng.weighted([[null, 25], [asOf - fateRng.int(1, 40), 30], [asOf + fateRng.int(1, 30), 45]] as const);
        const again = day + fateRng.int(20, 120);
        if (fateRng.chance(0.4) && again <= asOf - 1) {
          extraStages.push({ stage: LOST, day: again, ms: jstMs(again, minuteOf(fateRng)) });
          finalStage = LOST;
          finalClosed = true;
          finalReason = lossReason;
          finalNextAction = null;
        }
      }
    }
    const finalWon = finalStage === WON;
    const finalDay = extraStages.length ? extraStages[extraStages.length - 1].day : last.day;

    // ---- how its amount and close date moved
    // An open deal expects to close over the next year, most in the next two quarters.
    const expected = finalClosed ? finalDay : Math.max(finalDay + 7, asOf + moveRng.weighted([[-moveRng.int(1, 30), 10], [moveRng.int(0, 91), 42], [moveRng.int(92, 183), 26], [moveRng.int(184, 274), 14], [moveRng.int(275, 365), 8]] as const));
    const dealAmount = amountNull ? null : amount;
    // one open stretch; a reopened deal has two, lost on the day the first ends
    const segments: CloseSegment[] = reopened === null
      ? [{ start: o.day, closed: finalClosed, end: finalClosed ? finalDay : asOf, activeUntil: quietFrom, finalClose: expected }]
      : [
          { start: o.day, closed: true, end: last.day, activeUntil: last.day },
          { start: reopened, closed: finalClosed, end: finalClosed ? finalDay : asOf, activeUntil: asOf, finalClose: expected },
        ];
    const closePaths = segments.map((seg) => closeDatePath(moveRng, seg, asOf));
    // amounts are revised while the deal is open (before it is first closed) and not quiet
    const revisedBy = Math.min(asOf, quietFrom, (reopened !== null ? last.day : finalClosed ? finalDay : asOf + 1) - 1);
    const amounts = amountPath(moveRng, dealAmount, o.day + 1, revisedBy);

    const edits: Edit[] = [];
    const stageDays = visible.map((e) => e.day);
    if (withHistory) {
      visible.forEach((e, k) => edits.push({ ms: stageMs[k], stage: e.stage, ...(e.stage === WON || e.stage === LOST ? { close: e.day } : {}) }));
      for (const x of extraStages) edits.push({ ms: x.ms, stage: x.stage, ...(x.stage === LOST ? { close: x.day } : {}) });
      if (reopened !== null) edits.push({ ms: extraStages[0].ms, close: closePaths[1].first });
      // a move on the day of a stage change is often the same save; otherwise its own row
      const at = (day: number) => {
        const k = stageDays.indexOf(day);
        return k > 0 && moveRng.chance(0.6) ? stageMs[k] : jstMs(day, minuteOf(moveRng));
      };
      for (const path of closePaths) for (const m of path.moves) edits.push({ ms: at(m.day), close: m.close });
      for (const m of amounts.moves) edits.push({ ms: at(m.day), amount: m.amount });
    }
    const rowsOfDeal = historyRows(edits, { amount: amounts.first, close: closePaths[0].first });
    // a handful of rows carry a stage the stage map does not know (data-quality page): the
    // open deal's latest stage, and the rows after it that repeat it
    if (i % 997 === 500 && !finalClosed && rowsOfDeal.length) {
      let from = rowsOfDeal.length - 1;
      while (from > 0 && rowsOfDeal[from - 1].stage === rowsOfDeal[from].stage) from--;
      for (let k = from; k < rowsOfDeal.length; k++) rowsOfDeal[k].stage = "06 Contract Review";
    }
    const closeDay = finalClosed ? finalDay : rowsOfDeal.length ? rowsOfDeal[rowsOfDeal.length - 1].close : expected;

    if (finalWon) wonTotal += amount;
    oppTable.add({
      Id: o.id, AccountId: acct.Id, OwnerId: o.owner, CreatedDate: o.ms, StageName: finalStage, Amount: dealAmount,
      CloseDate: closeDay, IsClosed: finalClosed, IsWon: finalWon, LeadSource: o.leadSource, AppointmentSetterId__c: o.setter, Origin__c: o.origin,
      Temperature__c: o.temperature, NextActionDate__c: finalNextAction, LossReason__c: finalReason,
    } as Record<string, Value>);
    for (const r of rowsOfDeal) {
      history.add({ Id: sfId("008", ++historyN), OpportunityId: o.id, CreatedDate: r.ms, StageName: r.stage, Amount: r.amount, CloseDate: r.close });
    }
    // field sales activity on the deal; some open deals went quiet (a closed-out deal from
    // the day it went quiet: the main stream still draws the tasks it no longer writes)
    const end = closed ? last.day : rng.chance(0.3) ? asOf - rng.int(15, 60) : asOf;
    for (let d = o.day + rng.int(1, 10); d <= end; d += rng.int(3, 25)) {
      const minute = minuteOf(rng);
      const type = rng.pick(["Meeting", "Email", "Call"]);
      if (d <= quietFrom) addTask(o.owner, d, minute, type, null, o.id, acct.Id, null);
      else if (type === "Call") rng.int(0, 90);
    }
    if (reopened !== null) {
      // a reopened deal is worked again
      const until = finalClosed ? finalDay : taskRng.chance(0.3) ? asOf - taskRng.int(10, 40) : asOf;
      for (let d = reopened + taskRng.int(1, 7); d <= until; d += taskRng.int(3, 20)) {
        addTask(o.owner, d, minuteOf(taskRng), taskRng.pick(["Meeting", "Email", "Call"]), null, o.id, acct.Id, null, taskRng);
      }
    }
    // a deal handed back to IS may re-ignite: a new deal on the same account
    if (lossReason === RETURNED && recyclers.length) {
      const gap = rng.chance(0.1) ? rng.int(0, 183) : rng.chance(0.06) ? rng.int(184, 260) : null;
      if (gap !== null && last.day + gap <= asOf) {
        const rep = rng.pick(recyclers);
        const day = last.day + gap;
        const lead = newLead(day, rep.Id, "Re-engagement", false, o.account);
        const again = newOpp(day, o.account, rep.Id, "Re-engagement");
        lead.opp = again.id;
        lead.convDay = day;
      }
    }
  }

  // Tasks, histories and opportunities are complete: write their files while the rest is made.
  const written = new Map<ParquetTable, Promise<number>>([tasks, history, oppTable].map((t) => [t, t.close()]));

  // ---- campaigns ------------------------------------------------------------------
  const campaignTypes = [["Seminar", 35], ["Webinar", 35], ["Trade Show", 15], ["Email", 15]] as const;
  const campaigns = Array.from({ length: Math.round(40 * v) }, (_, i) => {
    const type = rng.weighted(campaignTypes);
    const day = rng.pick(cal.working);
    return { Id: sfId("701", i + 1), Name: `${type} ${isoDay(day).slice(0, 7)} #${i + 1}`, Type: type, StartDate: day };
  }).sort((a, b) => a.StartDate - b.StartDate || a.Id.localeCompare(b.Id));
  const members = await tableFor(out, "campaign_members");
  let memberN = 0;
  // the campaigns of each type in start order: those started by a day are a prefix
  const campaignsOfType = new Map<string, typeof campaigns>();
  for (const c of campaigns) campaignsOfType.set(c.Type, [...(campaignsOfType.get(c.Type) ?? []), c]);
  const startedBy = (list: typeof campaigns, day: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].StartDate <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const l of leads) {
    const type = l.source === "Seminar" || l.source === "Webinar" ? l.source : l.source === "Event" ? "Trade Show" : rng.chance(0.02) ? "Email" : null;
    if (!type) continue;
    const ofType = campaignsOfType.get(type) ?? [];
    const earlier = startedBy(ofType, l.day);
    if (earlier === 0) continue;
    const c = ofType[Math.max(0, earlier - 1 - rng.int(0, 2))];
    const responded = type !== "Email" || rng.chance(0.15);
    members.add({ Id: sfId("00v", ++memberN), CampaignId: c.Id, LeadId: l.id, CreatedDate: l.ms, Status: responded ? "Responded" : "Sent", HasResponded: responded });
  }

  // ---- leads, users, accounts, campaigns ------------------------------------------
  const leadTable = await tableFor(out, "leads");
  for (const l of leads) {
    const acct = accounts[l.account];
    const age = asOf - l.day;
    leadTable.add({
      Id: l.id, CreatedDate: l.ms, OwnerId: l.owner, LeadSource: l.source, Status: l.opp ? "Converted" : age < 30 ? rng.pick(["Open", "Working"]) : rng.pick(["Nurturing", "Unqualified", "Working"]),
      Company: acct.Name, NumberOfEmployees: acct.NumberOfEmployees, FirstName: rng.pick(ROMAN_GIVEN), LastName: rng.pick(ROMAN_SURNAMES), Email: `lead${l.n}@example.com`, Phone: `03-${String(1000 + (l.n % 9000)).padStart(4, "0")}-${String(l.n % 10000).padStart(4, "0")}`,
      MQLDate__c: l.mql, SQLDate__c: l.convDay, IsConverted: l.opp !== null, ConvertedDate: l.convDay, ConvertedAccountId: l.opp ? acct.Id : null, ConvertedOpportunityId: l.opp,
    });
  }
  const userTable = await tableFor(out, "users");
  for (const u of users) userTable.add({ Id: u.Id, Name: u.Name, Department: u.Department, Team__c: u.Team__c, IsActive: u.IsActive, Email: u.Email });
  const accountTable = await tableFor(out, "accounts");
  for (const a of accounts) accountTable.add({ Id: a.Id, Name: a.Name, Industry: a.Industry, NumberOfEmployees: a.NumberOfEmployees, CustomerType__c: a.CustomerType__c, FocusTheme__c: a.FocusTheme__c, PrimeContractor__c: a.PrimeContractor__c });
  const campaignTable = await tableFor(out, "campaigns");
  for (const c of campaigns) campaignTable.add(c);

  // ---- revenue quotas ----------------------------------------------------------------
  // One quota per field rep and fiscal quarter, from the first quarter through the fourth
  // after the as-of date: a tenth above what an average rep has won per quarter.
  const quotas = await tableFor(out, "forecasting_quotas");
  const quarterStarts: number[] = [];
  for (let y = Number(START.slice(0, 4)); ; y++) {
    for (const m of [4, 7, 10, 13]) {
      const day = toDay(`${m > 12 ? y + 1 : y}-${String(m > 12 ? 1 : m).padStart(2, "0")}-01`);
      if (day <= asOf + 366) quarterStarts.push(day);
    }
    if (toDay(`${y}-04-01`) > asOf + 366) break;
  }
  const pastQuarters = quarterStarts.filter((d) => d <= asOf).length;
  const perRepQuarter = Math.round((wonTotal / fs.length / pastQuarters) * 1.1 / 1e6) * 1e6;
  for (const u of fs) for (const day of quarterStarts) quotas.add({ QuotaOwnerId: u.Id, StartDate: day, QuotaAmount: perRepQuarter });

  const tables = [["users", userTable], ["accounts", accountTable], ["leads", leadTable], ["opportunities", oppTable], ["opportunity_history", history], ["tasks", tasks], ["campaigns", campaignTable], ["campaign_members", members], ["forecasting_quotas", quotas]] as const;
  const counts = await Promise.all(tables.map(([, t]) => written.get(t) ?? t.close()));
  const rows: Record<string, number> = {};
  tables.forEach(([name], i) => (rows[name] = counts[i]));
  const summary: SampleSummary = { seed, scale, as_of: AS_OF, start: START, rows };
  writeFileSync(join(out, "relay-sample.json"), JSON.stringify(summary, null, 2) + "\n");
  return summary;
}
