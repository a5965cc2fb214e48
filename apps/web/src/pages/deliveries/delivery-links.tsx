import type { DeliveryDetail } from '@herald/core';
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DeliveriesLink } from '../../components/deliveries-link.tsx';

type Props = {
  delivery: Pick<DeliveryDetail, 'id' | 'kind' | 'digestId' | 'silenceId' | 'carried'>;
  /** Shows another delivery in the drawer. */
  onOpen: (id: string) => void;
  /** Closes the drawer (before going to a filtered log or another page). */
  onClose: () => void;
};

/** How a delivery relates to others: the digest that carried it, the silence that held it, what a digest carried. */
export function DeliveryLinks({ delivery, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {delivery.digestId && (
        <Alert color="grape" variant="light" title={t('deliveries.groupedTitle')} data-testid="grouped-into">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('deliveries.groupedText')}</Text>
            <Group gap="sm">
              <Button
                size="xs"
                variant="light"
                color="grape"
                onClick={() => delivery.digestId && onOpen(delivery.digestId)}
              >
                {t('deliveries.openDigest')}
              </Button>
              <DeliveriesLink size="sm" filters={{ digest: delivery.digestId }} onNavigate={onClose}>
                {t('deliveries.showDigestContents')}
              </DeliveriesLink>
            </Group>
          </Stack>
        </Alert>
      )}
      {delivery.silenceId && (
        <Alert color="gray" variant="light" title={t('deliveries.silencedTitle')} data-testid="silenced-by">
          <Group gap="md">
            <DeliveriesLink size="sm" filters={{ silence: delivery.silenceId }} onNavigate={onClose}>
              {t('deliveries.showSilenced')}
            </DeliveriesLink>
            <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/silences" onClick={onClose} />}>
              {t('deliveries.toSilences')}
            </Anchor>
          </Group>
        </Alert>
      )}
      {delivery.kind === 'digest' && <Carried delivery={delivery} onOpen={onOpen} onClose={onClose} />}
    </>
  );
}

function Carried({ delivery, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('deliveries.carriedTitle', { n: delivery.carried.length })}
        </Title>
        {delivery.carried.length > 0 && (
          <DeliveriesLink size="sm" filters={{ digest: delivery.id }} onNavigate={onClose}>
            {t('deliveries.showCarried')}
          </DeliveriesLink>
        )}
      </Group>
      {delivery.carried.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deliveries.carriedNone')}
        </Text>
      ) : (
        <Table aria-label={t('deliveries.carriedLabel')} verticalSpacing={4}>
          <Table.Tbody>
            {delivery.carried.map((item, index) => (
              <Table.Tr key={item.deliveryId}>
                <Table.Td w={40} c="dimmed">
                  {index + 1}
                </Table.Td>
                <Table.Td>{item.subject ?? t('deliveries.noSubject')}</Table.Td>
                <Table.Td ta="right">
                  <Button
                    variant="subtle"
                    size="xs"
                    aria-label={t('deliveries.openCarriedNamed', { subject: item.subject ?? index + 1 })}
                    onClick={() => onOpen(item.deliveryId)}
                  >
                    {t('deliveries.openCarried')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
