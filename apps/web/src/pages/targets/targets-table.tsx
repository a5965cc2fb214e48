import type { TargetPaceView, TargetView } from '@herald/core';
import { Anchor, Badge, Button, Code, Group, Popover, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChannelBadge } from '../../components/channel-badge.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { messageOf } from '../../lib/errors.ts';
import { useFormatDateTime } from '../../lib/format.ts';
import { notify } from '../../lib/notify.ts';
import { trpc, trpcClient } from '../../lib/trpc.ts';
import { BacklogCell, PaceCell } from './pace-cells.tsx';

type Props = {
  targets: readonly TargetView[];
  /** Pace and backlog by target id. */
  paces: ReadonlyMap<string, TargetPaceView>;
  /** The pace query failed: say so rather than "nothing waiting". */
  pacesUnavailable: boolean;
  onTest: (target: TargetView) => void;
  onEdit: (target: TargetView) => void;
  onDelete: (target: TargetView) => void;
};

export function TargetsTable({ targets, paces, pacesUnavailable, onTest, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('targets.tableLabel')}
      minWidth={1120}
      headers={[
        t('targets.name'),
        t('targets.channel'),
        t('targets.enabled'),
        t('targets.pace.column'),
        t('targets.pace.backlogColumn'),
        t('targets.lastTest'),
      ]}
      actionsHeader={t('targets.actions')}
    >
      {targets.map((target) => (
        <Table.Tr key={target.id}>
          <Table.Td fw={500}>{target.name}</Table.Td>
          <Table.Td>
            <ChannelBadge channel={target.providerType} />
          </Table.Td>
          <Table.Td>
            <EnabledSwitch target={target} />
          </Table.Td>
          <Table.Td>
            <PaceCell target={target} pace={paces.get(target.id)} />
          </Table.Td>
          <Table.Td>
            <BacklogCell pace={paces.get(target.id)} unavailable={pacesUnavailable} />
          </Table.Td>
          <Table.Td>
            <LastTest target={target} />
          </Table.Td>
          <Table.Td>
            <Group gap={4} justify="flex-end" wrap="nowrap">
              <Button
                variant="light"
                size="xs"
                aria-label={t('targets.testNamed', { name: target.name })}
                onClick={() => onTest(target)}
              >
                {t('targets.test')}
              </Button>
              <Button
                variant="subtle"
                size="xs"
                aria-label={t('targets.editNamed', { name: target.name })}
                onClick={() => onEdit(target)}
              >
                {t('targets.edit')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                size="xs"
                aria-label={t('targets.deleteNamed', { name: target.name })}
                onClick={() => onDelete(target)}
              >
                {t('targets.delete')}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function EnabledSwitch({ target }: { target: TargetView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (isEnabled: boolean) => trpcClient.targets.update.mutate({ id: target.id, isEnabled }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.targets.list.queryKey() }),
    onError: (error) =>
      notify({ color: 'red', message: t('targets.toggleFailed', { name: target.name, message: messageOf(error) }) }),
  });
  const checked = toggle.isPending ? (toggle.variables ?? target.isEnabled) : target.isEnabled;
  return (
    <Switch
      checked={checked}
      disabled={toggle.isPending}
      aria-label={t('targets.enableNamed', { name: target.name })}
      label={checked ? t('targets.enabled') : t('targets.disabled')}
      onChange={(e) => toggle.mutate(e.currentTarget.checked)}
    />
  );
}

function LastTest({ target }: { target: TargetView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const result = target.lastTestResult;
  if (!result || !target.lastTestAt) {
    return (
      <Text size="sm" c="dimmed">
        {t('targets.neverTested')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge variant="light" color={result.success ? 'teal' : 'red'}>
          {result.success ? t('targets.testSuccess') : t('targets.testFailure')}
        </Badge>
        <Text size="sm">{t('targets.latency', { ms: Math.round(result.latencyMs) })}</Text>
      </Group>
      <Group gap="xs">
        <Text size="xs" c="dimmed" title={result.error ?? undefined}>
          {formatDateTime(target.lastTestAt)}
        </Text>
        {/* The whole stored result (status, error, the platform's answer), as the spec asks. */}
        <Popover width={420} position="bottom-start" shadow="md" withArrow trapFocus returnFocus>
          <Popover.Target>
            <Anchor
              component="button"
              type="button"
              size="xs"
              aria-label={t('targets.testDetailsNamed', { name: target.name })}
            >
              {t('targets.testDetails')}
            </Anchor>
          </Popover.Target>
          <Popover.Dropdown>
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="last-test-json">
              {JSON.stringify(result, null, 2)}
            </Code>
          </Popover.Dropdown>
        </Popover>
      </Group>
    </Stack>
  );
}
