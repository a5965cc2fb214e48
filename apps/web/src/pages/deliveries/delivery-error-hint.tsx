import type { DeliverySummary } from '@herald/core';
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorHintOf } from '../../channels/error-hints.ts';
import { useLanguage } from '../../channels/index.ts';
import { IconAlertCircle } from '../../components/icons.tsx';

type Props = {
  delivery: Pick<DeliverySummary, 'channel' | 'error' | 'statusCode' | 'targetId' | 'targetName'>;
  /** Called before leaving for the target's dialog. */
  onLeave: () => void;
};

/** A failed delivery's error as the platform said it, what its code means, what to do, and the fix as a button. */
export function DeliveryErrorHint({ delivery, onLeave }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!delivery.error) return null;
  const hint = errorHintOf(delivery.channel, delivery, language);
  const name = delivery.targetName ?? '';
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle />}
      title={t('deliveries.error')}
      data-testid="error-hint"
    >
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {delivery.error}
        </Text>
        {hint && (
          <>
            <Group gap="xs">
              <Code>{t('deliveryLog.hintCode', { code: hint.code })}</Code>
            </Group>
            <Text size="sm">
              <Text span fw={600}>
                {t('deliveryLog.hintTitle')}:{' '}
              </Text>
              {hint.text.meaning}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t('deliveryLog.hintAction')}:{' '}
              </Text>
              {hint.text.action}
            </Text>
            {hint.fix === 'editTarget' && delivery.targetId && (
              <Button
                size="xs"
                variant="light"
                color="red"
                w="fit-content"
                aria-label={name ? t('deliveryLog.editTargetNamed', { name }) : undefined}
                renderRoot={(props) => (
                  <Link {...props} to="/targets" search={{ edit: delivery.targetId }} onClick={onLeave} />
                )}
              >
                {t('deliveryLog.editTarget')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
