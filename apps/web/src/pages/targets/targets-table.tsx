import type { TargetHealth, TargetPaceView, TargetView } from '@herald/core';
import { Anchor, Badge, Button, Code, Group, Popover, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ChannelBadge } from '../../components/channel-badge.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { messageOf } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc, trpcClient } from '../../lib/trpc.ts';
import { HealthCell, LastErrorCell, RateCell } from './health-cells.tsx';
import { BacklogCell, PaceCell } from './pace-cells.tsx';

export type TargetsListProps = {
  targets: readonly TargetView[];
  /** Health by target id. */
  health: ReadonlyMap<string, TargetHealth>;
  /** The health query failed: say so in its cells. */
  healthUnavailable: boolean;
  /** Pace and backlog by target id. */
  paces: ReadonlyMap<string, TargetPaceView>;
  /** The pace query failed: say so rather than "nothing waiting". */
  pacesUnavailable: boolean;
  onTest: (target: TargetView) => void;
  onEdit: (target: TargetView) => void;
  onDelete: (target: TargetView) => void;
};

export function TargetsTable(props: TargetsListProps) {
  const { targets, paces, pacesUnavailable, health, healthUnavailable } = props;
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('targets.tableLabel')}
      minWidth={900}
      headers={[
        t('targets.name'),
        t('targetHealth.health'),
        t('targetHealth.successRate'),
        t('targetHealth.lastError'),
        t('targets.pace.column'),
        t('targets.lastTest'),
      ]}
      actionsHeader={t('targets.actions')}
    >
      {targets.map((target) => (
        <Table.Tr key={target.id}>
          <Table.Td>
            <Stack gap={4} align="flex-start">
              <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {target.name}
              </Text>
              <ChannelBadge channel={target.providerType} />
              <EnabledSwitch target={target} />
            </Stack>
          </Table.Td>
          <Table.Td>
            <HealthCell target={target} health={health.get(target.id)} unavailable={healthUnavailable} />
          </Table.Td>
          <Table.Td>
            <RateCell health={health.get(target.id)} unavailable={healthUnavailable} />
          </Table.Td>
          <Table.Td miw={160} maw={260}>
            <LastErrorCell target={target} health={health.get(target.id)} unavailable={healthUnavailable} />
          </Table.Td>
          <Table.Td>
            <Stack gap={6}>
              <PaceCell target={target} pace={paces.get(target.id)} />
              <BacklogCell pace={paces.get(target.id)} unavailable={pacesUnavailable} />
            </Stack>
          </Table.Td>
          <Table.Td>
            <LastTest target={target} />
          </Table.Td>
          <Table.Td>
            <TargetActions target={target} {...props} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

/** Test, edit and delete buttons for one target. */
export function TargetActions({
  target,
  onTest,
  onEdit,
  onDelete,
  justify = 'flex-end',
}: Pick<TargetsListProps, 'onTest' | 'onEdit' | 'onDelete'> & {
  target: TargetView;
  justify?: 'flex-end' | 'flex-start';
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} justify={justify} wrap="wrap">
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
  );
}

export function EnabledSwitch({ target }: { target: TargetView }) {
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

export function LastTest({ target }: { target: TargetView }) {
  const { t } = useTranslation();
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
        <RelativeTime iso={target.lastTestAt} size="xs" c="dimmed" />
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
