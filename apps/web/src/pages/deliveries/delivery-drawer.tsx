import { Alert, Button, Center, Drawer, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useChannelName } from '../../channels/index.ts';
import { MessagePreview, useMessageLocale } from '../../components/message-preview.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { TableScrollRegion } from '../../components/scroll-region.tsx';
import { useFocusWhenSettled } from '../../components/use-focus-after.ts';
import { messageOf } from '../../lib/errors.ts';
import { useFormatDateTime } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { DeliveryErrorHint } from './delivery-error-hint.tsx';
import { DeliveryState, DeliveryWhat } from './delivery-labels.tsx';
import { DeliveryLinks } from './delivery-links.tsx';
import { formatLatency } from './delivery-status-badge.tsx';
import { pollInterval } from './poll.ts';

type Props = {
  deliveryId: string | null;
  /** Shows another delivery (a digest, or one it carried) in the drawer. */
  onOpen: (id: string) => void;
  onClose: () => void;
  /** Called before a link leaves the drawer for another URL (the log filtered, a target). */
  onLeave?: () => void;
};

/** One delivery: what it carried or what carried it, every attempt, the rendered body, and resend. */
export function DeliveryDrawer({ deliveryId, onOpen, onClose, onLeave = onClose }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const channelName = useChannelName();
  // The log keeps the language each body was written in; older rows fall back to today's setting.
  const settingsLocale = useMessageLocale().locale;
  const queryClient = useQueryClient();
  const detail = useQuery({
    ...trpc.deliveries.get.queryOptions({ id: deliveryId ?? '' }),
    enabled: deliveryId !== null,
    refetchInterval: (query) => (query.state.data ? pollInterval([query.state.data], Date.now()) : false),
  });
  const resend = useMutation(
    trpc.deliveries.resend.mutationOptions({
      onSuccess: async () => {
        notify({ color: 'teal', message: t('deliveries.resent') });
        await queryClient.invalidateQueries({ queryKey: trpc.deliveries.list.pathKey() });
      },
      // The reason (still in progress, sent in a digest, target deleted) says why, in the admin's language.
      onError: (error) =>
        notify({ color: 'red', message: t('deliveries.resendFailed', { message: messageOf(error) }) }),
    }),
  );
  // The toast tells the outcome; focus returns to the button the loading state disabled.
  const resendRef = useFocusWhenSettled<HTMLButtonElement>(resend.isPending);
  const data = detail.data;

  return (
    <Drawer
      opened={deliveryId !== null}
      onClose={onClose}
      title={t('deliveries.detailTitle')}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {detail.isPending && deliveryId !== null && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {detail.isError && (
        <Alert color="red" variant="light" role="alert">
          {t('deliveries.detailLoadFailed', { message: messageOf(detail.error) })}
        </Alert>
      )}
      {data && (
        <Stack>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={600}>
                {data.targetName ?? (data.targetId ? t('deliveries.deletedTarget') : t('deliveries.legacyTarget'))}
              </Text>
              <DeliveryWhat delivery={data} />
              <Text size="sm" c="dimmed">
                <RelativeTime iso={data.createdAt} size="sm" /> · {channelName(data.channel)} · {t('deliveries.source')}
                : {data.notification.source}
              </Text>
              {data.resendOf && (
                <Text size="sm" c="dimmed">
                  {t('deliveries.resendOf')}
                </Text>
              )}
            </Stack>
            <Group gap="sm" align="flex-start">
              <DeliveryState delivery={data} />
              <Button
                ref={resendRef}
                size="xs"
                loading={resend.isPending}
                onClick={() => resend.mutate({ id: data.id })}
              >
                {t('deliveries.resend')}
              </Button>
            </Group>
          </Group>
          <DeliveryErrorHint delivery={data} onLeave={onLeave} />
          <DeliveryLinks delivery={data} onOpen={onOpen} onClose={onLeave} />

          <Title order={3} size="h5">
            {t('deliveries.attempts')}
          </Title>
          {data.attempts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('deliveries.noAttempts')}
            </Text>
          ) : (
            <TableScrollRegion label={t('deliveries.attemptsLabel')} minWidth={560}>
              <Table aria-label={t('deliveries.attemptsLabel')} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('deliveries.time')}</Table.Th>
                    <Table.Th>{t('deliveries.attemptNumber')}</Table.Th>
                    <Table.Th>{t('deliveries.outcome')}</Table.Th>
                    <Table.Th>{t('deliveries.httpStatus')}</Table.Th>
                    <Table.Th>{t('deliveries.latency')}</Table.Th>
                    <Table.Th>{t('deliveries.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.attempts.map((attempt) => (
                    <Table.Tr key={`${attempt.at}-${attempt.queueAttempt}-${attempt.latencyMs}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(attempt.at)}</Table.Td>
                      <Table.Td>{attempt.queueAttempt}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c={attempt.outcome === 'success' ? 'teal' : 'red'}>
                          {t(`deliveries.outcomes.${attempt.outcome}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{attempt.statusCode ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatLatency(attempt.latencyMs, t)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ wordBreak: 'break-word' }}>
                          {attempt.error ?? ''}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScrollRegion>
          )}

          <Title order={3} size="h5">
            {t('deliveries.renderedBody')}
          </Title>
          {data.renderedBody ? (
            <MessagePreview
              channel={data.channel}
              body={data.renderedBody}
              locale={data.renderedLocale ?? settingsLocale}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('deliveries.noBody')}
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
