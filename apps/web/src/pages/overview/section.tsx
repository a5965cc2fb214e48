import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { IconDashboard } from '../../components/icons.tsx';

type Props = {
  testId: string;
  title: string;
  description?: string;
  /** Shown at the right of the title (a total, a link). */
  aside?: ReactNode;
  /** No data yet: skeleton lines instead of the body. */
  loading?: boolean;
  skeletonRows?: number;
  /** A skeleton shaped like the body, instead of lines. */
  skeleton?: ReactNode;
  /** Nothing to show: this sentence instead of the body. */
  empty?: string | null;
  /** What fills it, shown with the empty sentence (e.g. connecting the hub). */
  emptyAction?: ReactNode;
  children?: ReactNode;
};

/** One panel of the Overview: a titled card with its loading and empty states. */
export function OverviewSection({
  testId,
  title,
  description,
  aside,
  loading,
  skeletonRows = 3,
  skeleton,
  empty,
  emptyAction,
  children,
}: Props) {
  return (
    <Card withBorder radius="md" padding="lg" data-testid={testId} aria-busy={loading || undefined} h="100%">
      <Group justify="space-between" align="flex-start" gap="xs" mb="md" wrap="wrap">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {!loading && aside}
      </Group>
      {loading ? (
        (skeleton ?? (
          <Stack gap="sm">
            {Array.from({ length: skeletonRows }, (_, i) => (
              <Skeleton key={i} height={18} radius="sm" width={`${90 - i * 12}%`} />
            ))}
          </Stack>
        ))
      ) : empty ? (
        <EmptyState
          compact
          icon={IconDashboard}
          title={null}
          text={empty}
          action={emptyAction}
          data-testid={`${testId}-empty`}
        />
      ) : (
        children
      )}
    </Card>
  );
}
