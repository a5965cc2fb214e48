import type { TargetPaceView, TargetView } from '@herald/core';
import { Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { useLanguage } from '../../channels/index.ts';
import { RelativeTime } from '../../components/relative-time.tsx';
import { describePlatformPace, plainConfigOf } from './platform-pace.ts';

/** The pace in force: the target's own or the platform's, and slowed after a platform's refusal. */
export function PaceCell({ target, pace }: { target: TargetView; pace: TargetPaceView | undefined }) {
  const { t } = useTranslation();
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
          {pace?.effectivePerMinute != null ? (
            <Trans
              i18nKey="targets.pace.slowedTo"
              values={{ n: pace.effectivePerMinute }}
              components={{ at: <RelativeTime iso={slowed} size="xs" c="inherit" /> }}
            />
          ) : (
            <Trans
              i18nKey="targets.pace.slowedUntil"
              components={{ at: <RelativeTime iso={slowed} size="xs" c="inherit" /> }}
            />
          )}
        </Text>
      )}
    </Stack>
  );
}

/** What waits for the target and when the next goes; refusals by the platform, if any. */
export function BacklogCell({ pace, unavailable }: { pace: TargetPaceView | undefined; unavailable: boolean }) {
  const { t } = useTranslation();
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
          {pace.nextAt ? (
            <Trans
              i18nKey="targets.pace.waitingNext"
              values={{ n: pace.waiting }}
              components={{ at: <RelativeTime iso={pace.nextAt} /> }}
            />
          ) : (
            t('targets.pace.waiting', { n: pace.waiting })
          )}
        </Text>
      )}
      {pace.refusals > 0 && pace.lastRefusalAt && (
        <Text size="xs" c="dimmed">
          <Trans
            i18nKey="targets.pace.refusals"
            values={{ n: pace.refusals }}
            components={{ at: <RelativeTime iso={pace.lastRefusalAt} size="xs" c="dimmed" /> }}
          />
        </Text>
      )}
    </Stack>
  );
}
