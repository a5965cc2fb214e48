import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from './use-document-title.ts';

type Props = { title: string; description: string; action?: ReactNode };

/** A page's h1, the sentence under it and an optional main action; also names the browser tab. */
export function PageHeader({ title, description, action }: Props) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" gap="md" mb="xl">
      {/* Shrinks before the action wraps under it; wraps on a phone. */}
      <Stack gap={6} maw={720} style={{ flex: '1 1 20rem' }}>
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {title}
        </Title>
        <Text c="dimmed">{description}</Text>
      </Stack>
      {action}
    </Group>
  );
}
