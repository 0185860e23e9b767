// Shared by the IS pages: links to rep pages, and summing rep-months into quarters or
// fiscal years (unique accounts are averaged per month, since the same account touched
// in two months is one account).
import {html} from "htl";
import {fiscalPeriod} from "./funnel.js";

export function repLink(name, id, base = ".") {
  return html`<a href="${base}/reps/${encodeURIComponent(id)}">${name}</a>`;
}

export function rollupRepMonths(rows, kind, fyStartMonth) {
  const m = new Map();
  for (const r of rows) {
    const period = fiscalPeriod(r.month, kind, fyStartMonth);
    const key = `${r.rep_id}\u0000${period}`;
    const x = m.get(key) ?? {rep_id: r.rep_id, rep_name: r.rep_name, team: r.team, period, months: 0, appointments: 0, activities: 0, calls: 0, effective_conversations: 0, unique_accounts_sum: 0, working_days: 0};
    x.months += 1;
    for (const k of ["appointments", "activities", "calls", "effective_conversations", "working_days"]) x[k] += r[k];
    x.unique_accounts_sum += r.unique_accounts;
    m.set(key, x);
  }
  return [...m.values()].map((x) => ({...x, unique_accounts_per_month: x.unique_accounts_sum / x.months, appointments_per_working_day: x.working_days ? x.appointments / x.working_days : null}));
}

/** An x axis of YYYY-MM bands that stays legible over years (every third label past 18 months). */
export function monthAxis(months) {
  return {label: null, type: "band", domain: months, tickRotate: -45, tickFormat: (m, i) => (months.length > 18 && i % 3 ? "" : m)};
}

/**
 * A label per rep id for chart axes: the name, or "name (…id)" where two reps share a
 * name, so that two people never fall on one row.
 */
export function repLabels(rows) {
  const names = new Map();
  for (const r of rows) names.set(r.rep_id, r.rep_name ?? r.rep_id);
  const count = new Map();
  for (const name of names.values()) count.set(name, (count.get(name) ?? 0) + 1);
  return (id) => {
    const name = names.get(id) ?? id;
    return count.get(name) > 1 ? `${name} (…${String(id).slice(-6)})` : name;
  };
}
