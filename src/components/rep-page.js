// The pieces of an IS rep's page (src/reps/[rep].md), as functions of that rep's data
// file (the rep's rows of is_reps, rep_productivity, source_mix, rep_funnel,
// rep_open_deals, speed_to_lead and rep_pushed_deals; lib/rep-files.ts). A build has a
// page per rep, so the page itself stays a few lines: Framework parses it once per rep.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {t, int, pct, num, yen, fy, date, period, sourceNote} from "./i18n.js";
import {monthAxis} from "./reps.js";
import {table} from "./table.js";

const KINDS = ["passive", "active", "unclassified"];

/** The rows a rep page shows, picked from the rep's data file. */
export function repView(data, repId) {
  const rep = data.is_reps[0] ?? {rep_id: repId, rep_name: repId, team: "–", is_active: true, open_deals: 0, stalled_deals: 0};
  return {
    rep,
    months: data.rep_productivity.filter((d) => d.period_kind === "month"),
    thisYear: data.rep_productivity.filter((d) => d.period_kind === "fiscal_year").at(-1),
    years: data.source_mix.filter((d) => d.period_kind === "fiscal_year"),
    funnel: data.rep_funnel,
    deals: data.rep_open_deals,
    speed: data.speed_to_lead.find((d) => d.period_kind === "recent_3_months"),
    pushed: data.rep_pushed_deals
  };
}

/** The sentence under the rep's name. */
export function repFinding(v) {
  const mix = v.years.at(-1);
  const text = v.thisYear
    ? t("rep.finding", {team: v.rep.team, fy: period(v.thisYear.period), n: int(v.thisYear.appointments), perDay: num(v.thisYear.appointments_per_working_day, 2), share: pct(mix?.passive_share), open: int(v.rep.open_deals), stalled: int(v.rep.stalled_deals)})
    : t("rep.no_months");
  return html`<p class="finding">${text}${v.rep.is_active ? "" : ` ${t("rep.inactive")}`}</p>`;
}

/** Appointments per month, with the month's activity in the tip. */
export function appointmentTrend(v, {width}) {
  if (v.months.length === 0) return html`<div class="empty">${t("rep.no_months")}</div>`;
  const best = v.months.slice().sort((a, b) => b.appointments - a.appointments)[0];
  return Plot.plot({
    title: t("rep.trend_title", {best: period(best.month), max: int(best.appointments)}),
    width,
    height: 280,
    marginLeft: 40,
    marginBottom: 50,
    x: monthAxis(v.months.map((d) => d.month), {width, format: period}),
    y: {label: t("rep.appointments"), grid: true},
    marks: [
      Plot.barY(v.months, {x: "month", y: "appointments", fill: "var(--theme-foreground-focus)", tip: true, title: (d) => `${period(d.month)}: ${int(d.appointments)} ${t("rep.appointments_unit")}\n${t("rep.month_tip", {activities: int(d.activities), conversations: int(d.effective_conversations), accounts: int(d.unique_accounts)})}\n${num(d.appointments_per_working_day, 2)} / ${t("prod.working_day")}`}),
      Plot.ruleY([0])
    ]
  });
}

/** Every month's figures, latest first. */
export function monthTable(v) {
  if (v.months.length === 0) return "";
  return table(v.months.slice().reverse(), {
    columns: ["month", "appointments", "appointments_per_working_day", "activities", "calls", "effective_conversations", "unique_accounts", "working_days"],
    header: {month: t("period.month"), appointments: t("rep.appointments"), appointments_per_working_day: t("prod.per_working_day"), activities: t("prod.activities"), calls: t("rep.calls"), effective_conversations: t("prod.conversations"), unique_accounts: t("prod.accounts"), working_days: t("prod.working_days")},
    format: {month: period, appointments: int, appointments_per_working_day: (x) => num(x, 2), activities: int, calls: int, effective_conversations: int, unique_accounts: int, working_days: int},
    layout: "auto",
    select: false,
    sort: null,
    rows: 12
  });
}

/** Passive, active and unclassified appointments per fiscal year. */
export function sourceMixChart(v, {width}) {
  const latest = v.years.at(-1);
  if (!latest) return html`<div class="empty">${t("rep.no_appointments")}</div>`;
  const rows = v.years.flatMap((d) => KINDS.map((k) => ({period: d.period, kind: k, n: d[k], appointments: d.appointments})));
  return Plot.plot({
    title: t("rep.mix_finding", {fy: period(latest.period), n: int(latest.appointments), passive: int(latest.passive), active: int(latest.active), unclassified: int(latest.unclassified), share: pct(latest.passive_share)}),
    width,
    height: 60 + v.years.length * 30,
    marginLeft: 90,
    x: {label: t("rep.appointments"), grid: true, ticks: width < 500 ? 3 : undefined},
    y: {label: null, tickFormat: period},
    color: {domain: KINDS, range: ["#4e79a7", "#f28e2b", "#bab0ac"], legend: true, tickFormat: (k) => t(`kind.${k}`)},
    marks: [Plot.barX(rows, {x: "n", y: "period", fill: "kind", tip: true, title: (d) => `${period(d.period)} · ${t(`kind.${d.kind}`)}: ${int(d.n)} / ${int(d.appointments)}`}), Plot.ruleX([0])]
  });
}

/** The rep's own funnel by fiscal year: a sentence for the latest year, then the table. */
export function repFunnel(v) {
  const latest = v.funnel.at(-1);
  if (!latest) return html`<div class="empty">${t("rep.no_funnel")}</div>`;
  return html`<p>${t("rep.funnel_finding", {fy: fy(latest.fiscal_year), leads: int(latest.leads), mqls: int(latest.mqls), sqls: int(latest.sqls), p03: int(latest.phase_03_plus), won: int(latest.won)})}</p><div class="table-scroll">${table(v.funnel.slice().reverse(), {
    columns: ["fiscal_year", "leads", "mqls", "sqls", "phase_03_plus", "won"],
    header: {fiscal_year: t("label.fiscal_year"), leads: t("step.lead"), mqls: t("step.mql"), sqls: t("rep.appointments"), phase_03_plus: t("rep.phase_03_plus"), won: t("step.won")},
    format: {fiscal_year: fy, leads: int, mqls: int, sqls: int, phase_03_plus: int, won: int},
    layout: "auto",
    select: false,
    sort: null
  })}</div>`;
}

/** Speed to first touch on the rep's inbound leads of the last three months. */
export function speedSentence(v) {
  const s = v.speed;
  if (!s) return html`<p class="muted">${t("rep.no_passive_leads")}</p>`;
  return html`<p>${t("rep.speed_finding", {share: pct(s.touched_within_1h_share), n: int(s.leads), median: num(s.median_minutes, 0), months: period(s.period)})}</p><p class="source-note">${sourceNote("speed_to_lead")}</p>`;
}

/** The open deals the rep set, with why each stalled one is stalled. */
export function openDealsTable(v) {
  if (v.deals.length === 0) return html`<div class="empty">${t("rep.no_deals")}</div>`;
  return table(v.deals, {
    columns: ["account_name", "owner_name", "stage_name", "days_in_stage", "next_action_date", "amount", "stalled_reasons"],
    header: {account_name: t("stag.account"), owner_name: t("rep.fs_owner"), stage_name: t("rep.stage"), days_in_stage: t("stag.days_in_stage"), next_action_date: t("stag.next_action"), stalled_reasons: t("stag.reasons"), amount: t("stag.amount")},
    format: {stalled_reasons: (r) => r.map((x) => t(`reason.${x}`)).join(", ") || "–", amount: yen, days_in_stage: int, next_action_date: date},
    layout: "auto",
    select: false,
    rows: 15
  });
}

/** The deals the rep set whose close date moved (pushed, or past due). */
export function pushedDealsTable(v) {
  if (v.pushed.length === 0) return html`<div class="empty">${t("rep.no_pushed")}</div>`;
  return table(v.pushed, {
    columns: ["account_name", "owner_name", "phase", "amount", "first_close_date", "close_date", "pushes", "days_pushed"],
    header: {account_name: t("stag.account"), owner_name: t("rep.fs_owner"), phase: t("stag.phase_col"), amount: t("stag.amount"), first_close_date: t("pipe.col_first_close"), close_date: t("pipe.col_close_now"), pushes: t("pipe.col_pushes"), days_pushed: t("pipe.col_days_pushed")},
    format: {amount: yen, first_close_date: date, close_date: date, pushes: int, days_pushed: int},
    layout: "auto",
    select: false,
    sort: null,
    rows: 10
  });
}
