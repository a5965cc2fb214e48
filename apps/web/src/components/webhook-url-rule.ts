import { HTTPS_ONLY_HOSTS, LEGACY_HOSTS } from '@herald/core';
import { useTranslation } from 'react-i18next';
import { useChannelName, useLanguage } from '../channels/index.ts';

/**
 * The one webhook URL rule (core `webhookUrlProblem`) in the UI language, naming the platforms whose
 * hosts need https: the same sentence under a target's URL and under every legacy URL.
 */
export function useWebhookUrlRule(): string {
  const { t } = useTranslation();
  const language = useLanguage();
  const channelName = useChannelName();
  const platforms = [...new Set(HTTPS_ONLY_HOSTS.map((host) => LEGACY_HOSTS[host]))].flatMap((c) =>
    c ? [channelName(c)] : [],
  );
  return t('emptyStates.urlRule', {
    platforms: new Intl.ListFormat(language, { type: 'conjunction' }).format(platforms),
  });
}

/** Two sentences as one description: Chinese and Japanese put no space after their full stop. */
export function joinSentences(first: string | undefined, second: string, language: string): string {
  if (!first) return second;
  return /^(zh|ja)/.test(language) ? `${first}${second}` : `${first} ${second}`;
}
