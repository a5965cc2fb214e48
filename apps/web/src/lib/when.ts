/**
 * When something happens, compactly, in `timeZone`: the time of day to the second (24-hour) when it
 * falls on the same calendar day as `now`, otherwise with the date in front.
 */
export function formatWhen(iso: string, now: number, timeZone: string, language: string): string {
  const at = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  if (day.format(at) === day.format(now)) return time;
  const date = new Intl.DateTimeFormat(language, { timeZone, month: 'short', day: 'numeric' }).format(at);
  return `${date} ${time}`;
}
