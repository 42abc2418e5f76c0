const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Seconds as a person reads them, two units at most: "42 s", "4 min 12 s", "2 h 5 min",
 * "1 d 3 h". Null (no data) is an em dash.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds > 0 && seconds < 0.5) return "< 1 s";
  const total = Math.round(seconds);
  if (total < MINUTE) return `${total} s`;
  if (total < HOUR) return pair(Math.floor(total / MINUTE), "min", total % MINUTE, "s");
  const minutes = Math.round(total / MINUTE);
  if (minutes < 24 * 60) return pair(Math.floor(minutes / 60), "h", minutes % 60, "min");
  const hours = Math.round(total / HOUR);
  return pair(Math.floor(hours / 24), "d", hours % 24, "h");
}

/** The largest unit only, for chart axes: "45 s", "4 min", "2 h", "1 d". */
export function formatDurationShort(seconds: number): string {
  if (seconds < MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < HOUR) return `${oneDecimal(seconds / MINUTE)} min`;
  if (seconds < DAY) return `${oneDecimal(seconds / HOUR)} h`;
  return `${oneDecimal(seconds / DAY)} d`;
}

/** Axis ticks fall on halves (150 s is 2.5 min); rounding them to whole units would repeat labels. */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}
