// The home page's tiles: a headline figure, the comparison that gives it meaning, a small
// chart and the link to the view, from the rows of home_summary and home_trend.
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {t, int, pct, num, yen, period} from "./i18n.js";

/** A figure of home_summary in its unit. */
export function figure(value, unit) {
  if (value == null) return "–";
  return unit === "share" ? pct(value) : unit === "amount" ? yen(value) : unit === "ratio" ? `${num(value, 1)}×` : int(value);
}

/** One tile: a card with its title, figure, comparison, chart and link. */
export function tile({title, value, comparison, chart, href, linkText}) {
  return html`<div class="card tile">
    <h2>${title}</h2>
    <div class="kpi">${value}</div>
    <p class="tile-compare">${comparison}</p>
    ${chart ?? ""}
    <p class="tile-link"><a href=${href}>${linkText} →</a></p>
  </div>`;
}

const small = (width) => ({width, height: 90, marginLeft: 0, marginRight: 0, marginTop: 8, marginBottom: 18, style: {fontSize: "10px"}});

/**
 * Lines of one or two series over ordered x (fiscal months, quarters); with two, a legend
 * under the chart names them (`name(series)`): the solid line first, the dashed one after.
 */
export function sparkline(points, {width, format = (d) => d, series = ["actual"], dashed = [], name: seriesName}) {
  const xs = [...new Set(points.map((d) => d.x_order))].sort((a, b) => a - b);
  const label = new Map(points.map((d) => [d.x_order, d.x_label]));
  const name = (x) => (label.get(x) ? period(label.get(x)) : x);
  const chart = Plot.plot({
    ...small(width),
    x: {domain: xs, type: "point", axis: null, inset: 4},
    y: {axis: null, zero: true},
    marks: [
      // the first and last x, kept inside the card
      Plot.text([xs[0]], {x: (d) => d, frameAnchor: "bottom", dy: 14, text: name, textAnchor: "start", fill: "var(--theme-foreground-muted)"}),
      Plot.text([xs.at(-1)], {x: (d) => d, frameAnchor: "bottom", dy: 14, text: name, textAnchor: "end", fill: "var(--theme-foreground-muted)"})
    ].concat(series.map((s) =>
      Plot.line(points.filter((d) => d.series === s), {x: "x_order", y: "y", stroke: dashed.includes(s) ? "var(--theme-foreground-muted)" : "var(--theme-foreground-focus)", strokeWidth: dashed.includes(s) ? 1 : 2, strokeDasharray: dashed.includes(s) ? "3 3" : null, tip: {format: {x: false}}, title: (d) => `${seriesName && series.length > 1 ? `${seriesName(s)} · ` : ""}${d.x_label ? period(d.x_label) : d.x_order}: ${format(d.y)}`})
    ), [Plot.dot(points.filter((d) => d.series === series[0]).slice(-1), {x: "x_order", y: "y", fill: "var(--theme-foreground-focus)", r: 3})])
  });
  if (series.length < 2 || !seriesName) return chart;
  return html`<div>${chart}<div class="spark-legend">${series.map((s) => html`<span><i class=${dashed.includes(s) ? "dashed" : "solid"}></i>${seriesName(s)}</span>`)}</div></div>`;
}

/** Horizontal bars of one series (reasons), each named on the bar with its value. */
export function sparkbars(points, {width, format = (d) => d, label = (d) => d}) {
  return Plot.plot({
    width,
    height: 22 * points.length + 4,
    margin: 2,
    style: {fontSize: "11px"},
    x: {axis: null, zero: true},
    y: {axis: null, domain: points.map((d) => d.x_label), padding: 0.12},
    marks: [
      Plot.barX(points, {y: "x_label", x: "y", fill: "var(--theme-foreground-focus)", fillOpacity: 0.22, tip: true, title: (d) => `${label(d.x_label)}: ${format(d.y)}`}),
      Plot.text(points, {y: "x_label", frameAnchor: "left", dx: 6, textAnchor: "start", fill: "currentColor", text: (d) => `${label(d.x_label)}: ${format(d.y)}`})
    ]
  });
}
