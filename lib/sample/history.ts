// How a deal's Amount and CloseDate move over its life, for the sample's opportunity
// history. Salesforce writes an OpportunityHistory row on every save that changes the
// stage, the amount or the close date, carrying the deal's values after that save; these
// helpers make the amount and close-date changes, and merge them with the stage changes
// into those rows. All their randomness comes from the stream they are given, never from
// the generator's main stream.

import type { Random } from "./random.ts";

const DAY_MS = 86_400_000;

/** A change of Amount or CloseDate on a day (the state after it). */
export interface Move {
  day: number;
  amount?: number | null;
  close?: number;
}

/** One save of the deal: a stage change and/or moves, at an instant. */
export interface Edit {
  ms: number;
  stage?: string;
  amount?: number | null;
  close?: number;
}

export interface HistoryRow {
  ms: number;
  stage: string;
  amount: number | null;
  close: number;
}

/** The first and last day of the fiscal quarter holding `day` (fiscal quarters start in April: they are calendar quarters). */
export function quarterOf(day: number): [number, number] {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3);
  return [Date.UTC(y, q * 3, 1) / DAY_MS, Date.UTC(y, q * 3 + 3, 1) / DAY_MS - 1];
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export interface CloseSegment {
  /** The day the deal was created, or reopened. */
  start: number;
  /** How the segment ends: closed (won or lost) on `end`, or still open on as_of. */
  closed: boolean;
  /** The closing day, or as_of for an open segment. */
  end: number;
  /** The last day anyone updates the deal (a deal that went quiet is not re-forecast). */
  activeUntil: number;
  /** An open segment's expected close on as_of. */
  finalClose?: number;
}

/**
 * The expected close date over one open stretch of a deal: the first estimate, then the
 * pushes when an estimate comes due and the deal is still open (some cross into the next
 * quarter, some deals slip several times), and a few pull-ins. Reps forecast the quarter a
 * deal closes in fairly well once it is near; a deal that went quiet keeps a stale date.
 * Returns the first estimate and the moves; the closing save itself (CloseDate = the day
 * it closed) is the caller's.
 */
export function closeDatePath(r: Random, seg: CloseSegment, asOf: number): { first: number; moves: Move[] } {
  const { start, closed, end, activeUntil } = seg;
  const moves: Move[] = [];
  const [qStart, qEnd] = quarterOf(end);
  // an estimate near the closing day, mostly inside the closing quarter (some deals close
  // a few days after the quarter they were due in)
  const nearEnd = (after: number) => Math.max(after + 1, r.chance(0.8) ? clamp(end + r.int(-7, 21), qStart, qEnd) : end + r.int(-14, 7));
  const final = seg.finalClose ?? end;
  const grace = r.int(0, 25); // an open deal's estimate may have passed without an update yet

  let first = start + r.int(21, 120);
  if (closed && end - start <= 100 && r.chance(0.55)) first = Math.max(start + 7, nearEnd(start));
  if (!closed && final - start >= 7 && first >= asOf - grace) first = final;
  let e = first;
  let lastDay = start;
  for (let n = 0; n < 12; n++) {
    if (closed ? e >= end - 3 : e >= asOf - grace) break;
    const day = Math.max(lastDay + 1, e + r.int(-20, 14));
    if (day > activeUntil || (closed && day >= end)) break; // nobody updates it: it closes, or sits, past its date
    let next: number;
    if (closed && end - day <= 120 && r.chance(0.7)) next = nearEnd(day);
    else if (!closed && day + 120 >= asOf && final > day + 7) next = final;
    else next = day + r.int(21, 100);
    moves.push({ day, close: next });
    e = next;
    lastDay = day;
  }
  if (closed && e > qEnd && end - lastDay > 10 && r.chance(0.3)) {
    // the customer is ready earlier than planned: pulled into the closing quarter
    const day = r.int(Math.max(lastDay + 1, end - 40), end - 1);
    if (day <= activeUntil) moves.push({ day, close: nearEnd(day) });
  } else if (!closed && e !== final && final >= asOf) {
    // the latest re-forecast, to the date expected on as_of (an estimate that has just
    // passed without an update is left as it is)
    const lo = Math.max(lastDay + 1, asOf - 45);
    const hi = Math.min(activeUntil, asOf);
    if (lo <= hi) moves.push({ day: r.int(lo, hi), close: final });
  }
  return { first, moves };
}

/**
 * Amount revisions ending at `amount`: for half the deals one to three revisions, up
 * (scope added) or down (a discount, a smaller first order), on days in [from, to].
 * Returns the first amount and the moves. Amounts are in thousands, like the deal's own.
 */
export function amountPath(r: Random, amount: number | null, from: number, to: number): { first: number | null; moves: Move[] } {
  if (amount === null || to < from || !r.chance(0.5)) return { first: amount, moves: [] };
  const count = r.chance(0.6) ? 1 : r.chance(0.7) ? 2 : 3;
  // revisions come more often late in a deal's life, when terms are negotiated; one a day
  const days = [...new Set(Array.from({ length: count }, () => Math.max(r.int(from, to), r.int(from, to))))].sort((a, b) => a - b);
  const moves: Move[] = [];
  let after = amount;
  for (let k = days.length - 1; k >= 0; k--) {
    moves.unshift({ day: days[k], amount: after });
    const factor = r.chance(0.55) ? r.uniform(0.6, 0.92) : r.uniform(1.08, 1.6);
    after = Math.max(1000, Math.round((after * factor) / 1000) * 1000);
  }
  return { first: after, moves };
}

/**
 * The history rows from the deal's saves: edits at the same instant are one save (one row);
 * a row that changes no stage repeats the stage before it; a save that changes nothing
 * writes none. Every row carries the values after its save. The amount moves must be in
 * day order, and so must the close-date moves (one of each a day at most).
 */
export function historyRows(edits: Edit[], first: { amount: number | null; close: number }): HistoryRow[] {
  const sorted = edits.map((e, k) => ({ e, k })).sort((a, b) => a.e.ms - b.e.ms || a.k - b.k);
  const rows: HistoryRow[] = [];
  let stage = "";
  let amount = first.amount;
  let close = first.close;
  for (const { e } of sorted) {
    if (e.stage !== undefined) stage = e.stage;
    if (e.amount !== undefined) amount = e.amount;
    if (e.close !== undefined) close = e.close;
    const row = { ms: e.ms, stage, amount, close };
    const previous = rows[rows.length - 1];
    if (previous?.ms === e.ms) rows[rows.length - 1] = row;
    // a save that changes nothing writes no row
    else if (e.stage === undefined && previous?.amount === amount && previous.close === close) continue;
    else rows.push(row);
  }
  return rows;
}
