/**
 * How kubectl shows time: the AGE column's rounded durations (apimachinery's `HumanDuration`), the
 * API's RFC 3339 timestamps, describe's RFC 1123 dates and Go's default `time.Time` text. Always
 * UTC and always from a `now` the caller passes: core has no clock of its own.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The AGE column: `45s`, `5m3s`, `42m`, `3h12m`, `20h`, `3d4h`, `12d`, `2y100d`. Up to two seconds
 * in the future reads as `0s` (clock skew); further is `<invalid>`.
 */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.trunc(milliseconds / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(milliseconds / MINUTE);
  if (minutes < 10) {
    const rest = seconds % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(milliseconds / HOUR);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** The AGE of something created at `createdAt`, seen at `now` (both milliseconds since the epoch). */
export function age(createdAt: number, now: number): string {
  return humanDuration(now - createdAt);
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** `2026-05-01T10:00:00Z`, as the API writes `creationTimestamp` (whole seconds). */
export function rfc3339(milliseconds: number): string {
  return new Date(Math.floor(milliseconds / SECOND) * SECOND).toISOString().replace('.000Z', 'Z');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Fri, 01 May 2026 10:00:00 +0000`, as describe prints start times (Go's RFC1123Z). */
export function rfc1123z(milliseconds: number): string {
  const date = new Date(milliseconds);
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** `2026-05-01 10:00:00 +0000 UTC`, Go's default text for a time (describe's "Created on"). */
export function goTimeText(milliseconds: number): string {
  const date = new Date(milliseconds);
  return `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000 UTC`;
}
