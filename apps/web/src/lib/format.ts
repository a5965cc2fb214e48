import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from './trpc.ts';

/** The browser's own zone: used until the settings are loaded, or if they can't be. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The admin's time zone: the system time zone from the settings (the zone messages are sent in). */
export function useAdminTimeZone(): string {
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 });
  return settings.data?.timezone ?? browserTimeZone();
}

/** Formats ISO timestamps as a date and time in the UI language and the admin's time zone. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const timeZone = useAdminTimeZone();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
    return (iso: string) => format.format(new Date(iso));
  }, [language, timeZone]);
}
