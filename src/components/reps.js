// Shared by the IS pages: links to rep pages, rep labels for chart axes, the rep
// leaderboard, and a month axis that stays legible.
import {html} from "htl";
import {t, int, num} from "./i18n.js";
import {table} from "./table.js";

export function repLink(name, id, base = ".") {
  return html`<a href="${base}/reps/${encodeURIComponent(id)}">${name}</a>`;
}

/** An x axis of YYYY-MM bands that stays legible over years and on a phone. */
export function monthAxis(months, {width = 640, format = (m) => m} = {}) {
  // one label per quarter past 18 months, per year when the chart is narrow
  const every = width < 500 ? 12 : months.length > 18 ? 3 : 1;
  return {label: null, type: "band", domain: months, tickRotate: -45, tickFormat: (m, i) => (i % every ? "" : format(m))};
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

/** The IS leaderboard: rows of rep_productivity for one period, most appointments first. */
export function leaderboard(rows, {base = ".", rows: shown = 25} = {}) {
  const sorted = rows.slice().sort((a, b) => b.appointments - a.appointments || a.rep_name.localeCompare(b.rep_name));
  return table(sorted, {
    columns: ["rep_name", "team", "appointments", "appointments_per_working_day", "activities", "effective_conversations", "unique_accounts", "working_days"],
    header: {rep_name: t("prod.rep"), team: t("prod.team"), appointments: t("rep.appointments"), appointments_per_working_day: t("prod.per_working_day"), activities: t("prod.activities"), effective_conversations: t("prod.conversations"), unique_accounts: t("prod.accounts"), working_days: t("prod.working_days")},
    format: {rep_name: (name, i, data) => repLink(name, data[i].rep_id, base), appointments: int, appointments_per_working_day: (v) => num(v, 2), activities: int, effective_conversations: int, unique_accounts: int, working_days: int},
    layout: "auto",
    select: false,
    rows: shown
  });
}
