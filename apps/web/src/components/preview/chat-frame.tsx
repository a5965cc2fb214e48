import { Avatar, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The bubble's or card's own look (background, border, accent). */
  style?: CSSProperties;
  /** A card spans the column; a bubble hugs its text. */
  card?: boolean;
  children: ReactNode;
};

/** A message as a chat app lists it: the bot's avatar and name, then its bubble or card. */
export function ChatFrame({ style, card, children }: Props) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap" data-testid="message-preview-frame">
      <Avatar radius="sm" size={32} color="indigo" variant="filled" aria-hidden>
        H
      </Avatar>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Text size="xs" c="dimmed">
          {t('app.name')}
        </Text>
        <Paper
          withBorder
          radius="md"
          p="sm"
          style={{ maxWidth: card ? 520 : 560, width: card ? '100%' : undefined, overflowWrap: 'anywhere', ...style }}
        >
          <Box fz="sm" lh={1.55}>
            {children}
          </Box>
        </Paper>
      </Stack>
    </Group>
  );
}
