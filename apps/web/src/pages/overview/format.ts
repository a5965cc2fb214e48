import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Money, token counts and the chart's day labels in the UI language. */
export function useOverviewFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const usd = new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });
    const smallUsd = new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
    const integer = new Intl.NumberFormat(language);
    const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    // Days are calendar dates ('YYYY-MM-DD'): format them as such, in UTC, so no zone shifts them.
    const day = new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
    return {
      usd: (v: number) => (v !== 0 && Math.abs(v) < 0.01 ? smallUsd : usd).format(v),
      integer: (v: number) => integer.format(v),
      compact: (v: number) => compact.format(v),
      percent: (ratio: number) => percent.format(ratio * 100),
      day: (date: string, withWeekday = true) => {
        const d = new Date(`${date}T00:00:00Z`);
        return withWeekday ? `${day.format(d)} ${weekday.format(d)}` : day.format(d);
      },
    };
  }, [language]);
}
