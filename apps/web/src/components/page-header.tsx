import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from './use-document-title.ts';

/** A page's h1 and the sentence under it; also names the browser tab. */
export function PageHeader({ title, description }: { title: string; description: string }) {
  useDocumentTitle(title);
  return (
    <Stack gap={6} mb="xl">
      <Title order={1} fz={{ base: 26, sm: 30 }}>
        {title}
      </Title>
      <Text c="dimmed" maw={720}>
        {description}
      </Text>
    </Stack>
  );
}
