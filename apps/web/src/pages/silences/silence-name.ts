import type { SilenceMatcher } from '@herald/core';
import type { TFunction } from 'i18next';

/** What a silence matches, in words: "Provider: OpenAI (openai-main)", "Notification type: Cost alert". */
export function silenceName(silence: { matcher: SilenceMatcher; matcherName: string | null }, t: TFunction): string {
  const { matcher, matcherName } = silence;
  const kind = t(`silencesPage.kinds.${matcher.kind}`);
  const value =
    matcher.kind === 'type'
      ? t(`deliveries.types.${matcher.notificationType}`)
      : withName(matcher.kind === 'provider' ? matcher.providerId : matcher.userId, matcherName);
  return t('silencesPage.matcherText', { kind, value });
}

function withName(id: string, name: string | null): string {
  return name && name !== id ? `${name} (${id})` : id;
}
