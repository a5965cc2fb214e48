import { Text, type TextProps, Tooltip, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../channels/index.ts';
import { useAdminTimeZone, useFormatDateTime } from '../lib/format.ts';
import { formatMoment, momentOf } from '../lib/relative-time.ts';
import { useNow } from './use-now.ts';

/** "Dec 6, 2026, 10:25:08 PM (Asia/Shanghai)": the exact time in the admin's zone, zone named. */
export function useFormatExact(): (iso: string) => string {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const zone = useAdminTimeZone();
  return (iso) => t('times.exact', { time: formatDateTime(iso), zone });
}

/** "3 minutes ago", "in 2 hours", the date from a week away: moves on with the page's one clock. */
export function useRelativeText(): (iso: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const zone = useAdminTimeZone();
  const now = useNow();
  const date = useMemo(
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: zone }),
    [language, zone],
  );
  return (iso) => {
    const at = Date.parse(iso);
    return formatMoment(momentOf(at, now), at, language, {
      justNow: t('times.justNow'),
      inAMoment: t('times.inAMoment'),
      date: (ms) => date.format(ms),
    });
  };
}

type Props = TextProps & {
  iso: string;
  /** False inside a link or button: that takes the focus, and the time needs no second stop. */
  focusable?: boolean;
  'data-testid'?: string;
};

/**
 * A moment as "3 minutes ago" / "in 2 hours" (the date from a week away), kept current by the
 * page's one clock. The exact time is the tooltip (on hover, focus and touch: the element takes
 * focus for keyboards) and follows the relative text for screen readers; `dateTime` carries the instant.
 */
export function RelativeTime({ iso, focusable = true, ...props }: Props) {
  const { t } = useTranslation();
  const exact = useFormatExact()(iso);
  const text = useRelativeText()(iso);
  return (
    <Tooltip label={exact} events={{ hover: true, focus: true, touch: true }} withArrow>
      <Text component="time" dateTime={iso} tabIndex={focusable ? 0 : undefined} size="sm" {...props}>
        {text}
        <VisuallyHidden>{t('times.spokenExact', { exact })}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
