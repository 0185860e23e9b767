// Helpers for the funnel views: ordering, fiscal grouping of cohort months, and the
// conversions of a re-grouped cohort. Kept out of the page so the page reads as prose.

export const STEPS = ["lead", "mql", "sql", "phase_02", "phase_03", "phase_04", "phase_05", "won"];

/** The fiscal period ('FY2024', 'FY2024-Q2') a 'YYYY-MM' month falls in. */
export function fiscalPeriod(month, kind, fyStartMonth) {
  if (kind === "month") return month;
  const [y, m] = month.split("-").map(Number);
  const fy = m < fyStartMonth ? y - 1 : y;
  if (kind === "fiscal_year") return `FY${fy}`;
  const fm = ((m - fyStartMonth + 12) % 12) + 1;
  return `FY${fy}-Q${Math.floor((fm - 1) / 3) + 1}`;
}

/**
 * Cohort rows of one segment summed into fiscal quarters or years. Counts of different
 * months are different people, so they add up; conversions are recomputed from the sums.
 */
export function groupCohorts(rows, kind, fyStartMonth) {
  const sums = new Map();
  for (const r of rows) {
    const cohort = fiscalPeriod(r.cohort_month, kind, fyStartMonth);
    const key = `${cohort}\u0000${r.step}`;
    sums.set(key, {cohort, step: r.step, count: (sums.get(key)?.count ?? 0) + r.count});
  }
  const byCohort = new Map();
  for (const s of sums.values()) {
    if (!byCohort.has(s.cohort)) byCohort.set(s.cohort, new Map());
    byCohort.get(s.cohort).set(s.step, s.count);
  }
  const out = [];
  for (const [cohort, counts] of [...byCohort].sort(([a], [b]) => a.localeCompare(b))) {
    const first = counts.get(STEPS[0]) ?? 0;
    STEPS.forEach((step, i) => {
      const count = counts.get(step) ?? 0;
      const prev = i === 0 ? null : counts.get(STEPS[i - 1]) ?? 0;
      out.push({
        cohort,
        step,
        count,
        conversion_from_previous: i === 0 ? null : prev ? count / prev : null,
        conversion_from_first: i === 0 ? 1 : first ? count / first : null
      });
    });
  }
  return out;
}
