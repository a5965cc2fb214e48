import type { TargetPaceView, TargetView } from '@herald/core';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../channels/index.ts';
import { useFormatWhen } from '../../lib/format.ts';
import { describePlatformPace, plainConfigOf } from './platform-pace.ts';

/** The pace in force: the target's own or the platform's, and slowed after a platform's refusal. */
export function PaceCell({ target, pace }: { target: TargetView; pace: TargetPaceView | undefined }) {
  const { t } = useTranslation();
  const formatWhen = useFormatWhen();
  const language = useLanguage();
  const platform = describePlatformPace(target.providerType, t, language, plainConfigOf(target));
  // The server reports a slowdown only while it lasts.
  const slowed = pace?.slowedUntil ?? null;
  return (
    <Stack gap={2} data-testid="target-pace">
      {target.pacePerMinute !== null ? (
        <>
          <Text size="sm">{t('targets.pace.own', { n: target.pacePerMinute })}</Text>
          <Text size="xs" c="dimmed">
            {t('targets.pace.platformIs', { platform })}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('targets.pace.platform', { platform })}</Text>
      )}
      {slowed && (
        <Text size="xs" c="orange.8">
          {pace?.effectivePerMinute != null
            ? t('targets.pace.slowedTo', { n: pace.effectivePerMinute, until: formatWhen(slowed) })
            : t('targets.pace.slowedUntil', { until: formatWhen(slowed) })}
        </Text>
      )}
    </Stack>
  );
}

/** What waits for the target and when the next goes; refusals by the platform, if any. */
export function BacklogCell({ pace, unavailable }: { pace: TargetPaceView | undefined; unavailable: boolean }) {
  const { t } = useTranslation();
  const formatWhen = useFormatWhen();
  if (!pace) {
    return (
      <Text size="sm" c="dimmed" data-testid="target-backlog">
        {unavailable ? t('targets.pace.backlogUnavailable') : t('targets.pace.nothingWaiting')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="target-backlog">
      {pace.waiting === 0 ? (
        <Text size="sm" c="dimmed">
          {t('targets.pace.nothingWaiting')}
        </Text>
      ) : (
        <Text size="sm">
          {pace.nextAt
            ? t('targets.pace.waitingNext', { n: pace.waiting, at: formatWhen(pace.nextAt) })
            : t('targets.pace.waiting', { n: pace.waiting })}
        </Text>
      )}
      {pace.refusals > 0 && pace.lastRefusalAt && (
        <Text size="xs" c="dimmed">
          {t('targets.pace.refusals', { n: pace.refusals, at: formatWhen(pace.lastRefusalAt) })}
        </Text>
      )}
    </Stack>
  );
}
