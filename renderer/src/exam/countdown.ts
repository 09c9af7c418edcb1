/**
 * The exam clock's wording: the countdown as the timer shows it, a spoken form for its label, and
 * the few moments worth announcing aloud (a screen reader reading every second would drown the page).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Moments, in milliseconds left, that are announced once as the clock passes them. */
export const ANNOUNCE_AT_MS: readonly number[] = [5 * MINUTE, MINUTE];

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Milliseconds left as the timer shows them: "24:59", or "1:05:00" from an hour up. Partial seconds
 * round up, so the clock reads "00:00" only when the time is really over.
 */
export function formatCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil((Number.isFinite(remainingMs) ? remainingMs : 0) / SECOND));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0
    ? `${hours}:${twoDigits(minutes)}:${twoDigits(seconds)}`
    : `${twoDigits(minutes)}:${twoDigits(seconds)}`;
}

/** The same time in words for assistive technology, e.g. "4 minutes 5 seconds". */
export function describeCountdown(remainingMs: number): string {
  const total = Math.max(0, Math.ceil((Number.isFinite(remainingMs) ? remainingMs : 0) / SECOND));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds > 0 || minutes === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/**
 * What to announce when the clock moves from `previousMs` to `currentMs` left, or null. Crossing a
 * mark announces it ("5 minutes left"); jumping past several (a laptop waking up) announces only
 * the last one crossed. Starting below a mark announces nothing for it.
 */
export function countdownAnnouncement(previousMs: number, currentMs: number): string | null {
  let crossed: number | null = null;
  for (const mark of ANNOUNCE_AT_MS) {
    if (previousMs > mark && currentMs <= mark && currentMs > 0) crossed = mark;
  }
  if (crossed === null) return null;
  const minutes = crossed / MINUTE;
  return `${minutes} minute${minutes === 1 ? '' : 's'} left`;
}
