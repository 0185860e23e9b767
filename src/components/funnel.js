// Funnel charts, shared by the Funnel page and the rep pages: functions from mart rows
// (funnel_period / funnel_cohort, one row per step with step_order, count and the
// conversions) to an element. The step order comes from the rows themselves.
import * as Plot from "@observablehq/plot";
import {t, int, pct, period, stepLabel} from "./i18n.js";

/** The steps found in `rows`, in funnel order (step_order). */
export function stepsOf(rows) {
  return [...new Map(rows.map((r) => [r.step, r.step_order])).entries()].sort((a, b) => a[1] - b[1]).map(([s]) => s);
}

/** Horizontal bars of one period's (or cohort's) steps, each labelled with its count and conversion. */
export function funnelBars(rows, {width = 640, steps = stepsOf(rows)} = {}) {
  const narrow = width < 500;
  return Plot.plot({
    width,
    marginLeft: narrow ? 90 : 130,
    marginRight: narrow ? 80 : 120,
    height: 280,
    x: {label: t("label.count"), grid: true, ticks: narrow ? 3 : undefined},
    y: {domain: steps, tickFormat: stepLabel, label: null},
    marks: [
      Plot.barX(rows, {x: "count", y: "step", fill: "var(--theme-foreground-focus)", tip: {format: {y: stepLabel}}, title: (d) => `${stepLabel(d.step)}: ${int(d.count)}\n${t("label.conversion_from_previous")}: ${pct(d.conversion_from_previous)}\n${t("label.conversion_from_first")}: ${pct(d.conversion_from_first)}`}),
      Plot.text(rows, {x: "count", y: "step", text: (d) => `${int(d.count)}  ${d.conversion_from_previous == null ? "" : pct(d.conversion_from_previous)}`, dx: 6, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
}

/** Cohorts (rows) by steps (columns), coloured by conversion from the first step. */
export function cohortHeatmap(rows, {width = 640, steps = stepsOf(rows)} = {}) {
  const cohorts = [...new Set(rows.map((r) => r.cohort))].sort();
  const narrow = width < 500;
  return Plot.plot({
    width,
    marginLeft: narrow ? 70 : 110,
    height: Math.max(160, cohorts.length * 22 + 60),
    x: {domain: steps, tickFormat: stepLabel, label: null, axis: "top", tickRotate: narrow ? -45 : 0},
    y: {domain: cohorts, label: null, tickFormat: period},
    color: {type: "sqrt", scheme: "blues", domain: [0, 1], legend: true, label: t("label.conversion_from_first"), tickFormat: (d) => pct(d, 0)},
    marks: [
      Plot.cell(rows, {x: "step", y: "cohort", fill: "conversion_from_first", tip: true, title: (d) => `${period(d.cohort)} · ${stepLabel(d.step)}\n${int(d.count)} (${t("funnel.tip_cohort", {first: pct(d.conversion_from_first), previous: pct(d.conversion_from_previous)})})`}),
      Plot.text(rows, {x: "step", y: "cohort", text: (d) => pct(d.conversion_from_first, 0), fill: (d) => (d.conversion_from_first ?? 0) > 0.4 ? "white" : "currentColor", fontSize: 10})
    ]
  });
}
