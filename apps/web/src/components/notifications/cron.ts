import { CronExpressionParser } from 'cron-parser';

/** The next `count` run times of a five-field cron in `tz`, or null when it does not parse. */
export function nextRuns(cron: string, tz: string, count = 3, from = new Date()): Date[] | null {
  if (cron.trim().split(/\s+/).length !== 5) return null;
  try {
    const it = CronExpressionParser.parse(cron.trim(), { tz, currentDate: from });
    return Array.from({ length: count }, () => it.next().toDate());
  } catch {
    return null;
  }
}

/** `m h * * *` → daily, `m h * * 1-5` → weekdays, with the time as HH:mm; else null. */
export function simpleCron(cron: string): { kind: 'daily' | 'weekdays'; time: string } | null {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|1-5)$/.exec(cron.trim());
  if (!m) return null;
  const minute = Number(m[1]);
  const hour = Number(m[2]);
  if (minute > 59 || hour > 23) return null;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { kind: m[3] === '*' ? 'daily' : 'weekdays', time };
}
