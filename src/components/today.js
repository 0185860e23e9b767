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

/**
 * The UTC offset of `timeZone` in seconds when it is the same from 1970 to 2060 (Asia/Tokyo:
 * 32400), or null when it changes (daylight saving). The build uses it to turn timestamps
 * into business dates with arithmetic instead of a time-zone lookup per value.
 */
export function fixedUtcOffsetSeconds(timeZone) {
  const format = new Intl.DateTimeFormat("en-US", {timeZone, timeZoneName: "longOffset"});
  let seen = null;
  for (let year = 1970; year <= 2060; year++) {
    for (let month = 0; month < 12; month++) {
      const name = format.formatToParts(Date.UTC(year, month, 15)).find((p) => p.type === "timeZoneName").value;
      const m = name.match(/^GMT(?:([+-])(\d\d):(\d\d))?$/);
      const offset = m && m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
      if (seen === null) seen = offset;
      else if (offset !== seen) return null;
    }
  }
  return seen;
}
