import type { ChannelType } from '@herald/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_UI, channelName, channelText, useLanguage } from '../../channels/index.ts';
import type { Language } from '../../i18n/languages.ts';
import { useFormatDateTime } from '../../lib/format.ts';
import type { AuditWords } from './audit-sentence.ts';

// A channel an older Herald recorded may have no unit now: its type is its name.
const known = (type: string): type is ChannelType => Object.hasOwn(CHANNEL_UI, type);

/** The audit sentences' words in `language`, from i18next's `t` and the channel units. */
export function auditWords(
  t: AuditWords['t'],
  has: AuditWords['has'],
  language: Language,
  dateTime: AuditWords['dateTime'],
): AuditWords {
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  return {
    t,
    has,
    channelName: (type) => (known(type) ? channelName(type, language) : type),
    channelField: (type, field) => (known(type) ? (channelText(type, language).fields[field]?.label ?? null) : null),
    dateTime,
    list: (items) => list.format(items),
  };
}

/** The audit sentences' words in the current UI language. */
export function useAuditWords(): AuditWords {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const dateTime = useFormatDateTime();
  return useMemo(
    // Keys are built from recorded actions and fields; `has` guards the ones that may be missing.
    () => auditWords(t as unknown as AuditWords['t'], (key) => i18n.exists(key), language, dateTime),
    [t, i18n, language, dateTime],
  );
}
