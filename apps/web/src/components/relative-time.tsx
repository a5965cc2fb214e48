import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../lib/format.ts';

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "5 minutes ago", "in 2 hours", "now" in `language`: the largest whole unit. */
export function formatRelative(iso: string, now: number, language: string): string {
  const diff = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, 'second');
}

/** A time as "5 minutes ago", the exact date and time (admin's zone) on hover and in `<time>`. */
export function RelativeTime({ iso, ...props }: TextProps & { iso: string }) {
  const { i18n } = useTranslation();
  const exact = useFormatDateTime()(iso);
  return (
    <Text component="time" dateTime={iso} title={exact} size="sm" {...props}>
      {formatRelative(iso, Date.now(), i18n.resolvedLanguage ?? i18n.language)}
    </Text>
  );
}
