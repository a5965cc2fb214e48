import { CronExpressionParser } from 'cron-parser';
import cronstrue from 'cronstrue';
import 'cronstrue/locales/ja.js';
import 'cronstrue/locales/ru.js';
import 'cronstrue/locales/zh_CN.js';
import 'cronstrue/locales/zh_TW.js';
import { LANGUAGES, type Language } from '../../i18n/languages.ts';

/** Why a five-field cron does not parse in `tz` (the check the server's bindings.set runs), or null. */
export function cronProblem(cron: string, tz: string): 'fields' | 'invalid' | null {
  if (cron.trim().split(/\s+/).length !== 5) return 'fields';
  try {
    CronExpressionParser.parse(cron.trim(), { tz, strict: false });
    return null;
  } catch {
    return 'invalid';
  }
}

/** The next `count` run times of a five-field cron in `tz`, or null when it does not parse. */
export function nextRuns(cron: string, tz: string, count = 3, from = new Date()): Date[] | null {
  if (cronProblem(cron, tz) !== null) return null;
  try {
    const it = CronExpressionParser.parse(cron.trim(), { tz, currentDate: from });
    return Array.from({ length: count }, () => it.next().toDate());
  } catch {
    return null;
  }
}

/** cronstrue's name for each UI language's locale. */
const CRONSTRUE_LOCALES: Readonly<Record<Language, string>> = {
  'zh-CN': 'zh_CN',
  'zh-TW': 'zh_TW',
  en: 'en',
  ja: 'ja',
  ru: 'ru',
};

/** The cron in words in the UI language (cronstrue), e.g. "At 09:30, Monday through Friday"; null when unreadable. */
export function describeCron(cron: string, language: string): string | null {
  if (cron.trim().split(/\s+/).length !== 5) return null;
  try {
    return cronstrue.toString(cron.trim(), {
      locale: LANGUAGES.some((l) => l.code === language) ? CRONSTRUE_LOCALES[language as Language] : 'en',
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    return null;
  }
}

/** `HH:mm` as the daily cron the server schedules (`MM HH * * *`), or null when it is not a time. */
export function dailyCron(time: string): string | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  return m ? `${Number(m[2])} ${Number(m[1])} * * *` : null;
}
