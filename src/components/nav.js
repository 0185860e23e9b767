// The site's pages, in menu order. observablehq.config.ts and the home page both read
// this list, so a new view is added here once.
export const NAV = [
  {name: "Funnel", path: "/funnel", mart: "funnel_period, funnel_cohort", blurb: "MQL → SQL → phases → won, by period and by cohort, with conversion at every step."}
];
