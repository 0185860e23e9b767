// "Today" in the business time zone: the one definition, shared by the build (lib/config.ts
// imports it: the default as-of date and the marts cache key) and the pages (the staleness
// notice computes the reader's today in the browser, so a rebuild stays byte-identical).

/** YYYY-MM-DD of `now` in `timeZone` (an IANA name such as Asia/Tokyo). */
export function businessToday(timeZone, now = new Date()) {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat("en-CA", {timeZone, year: "numeric", month: "2-digit", day: "2-digit"}).format(now);
}

/** Whole days from date `from` to date `to` (both YYYY-MM-DD). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** True when `timeZone` is a time zone this runtime knows. */
export function isTimeZone(timeZone) {
  try {
    new Intl.DateTimeFormat("en", {timeZone});
    return true;
  } catch {
    return false;
  }
}
