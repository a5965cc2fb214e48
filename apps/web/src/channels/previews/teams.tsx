import { Box, Button, Divider, Group, SimpleGrid, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { parseMarkdown } from '../../components/preview/markdown.ts';
import { arr, at, obj, str } from '../../components/preview/read-body.ts';
import { safeHref } from '../../components/preview/rich.ts';
import { BodyJson, RichBlocks } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/** Adaptive Card colours and container styles, in Mantine's (readable) shades. */
const TEXT_COLORS: Record<string, string> = {
  attention: 'red.9',
  warning: 'orange.9',
  good: 'green.9',
  accent: 'blue.9',
};
const CONTAINER_BG: Record<string, string> = {
  attention: 'var(--mantine-color-red-light)',
  warning: 'var(--mantine-color-orange-light)',
  good: 'var(--mantine-color-green-light)',
  accent: 'var(--mantine-color-blue-light)',
  emphasis: 'var(--mantine-color-default-hover)',
};

const items = (list: unknown): ReactNode => arr(list).map((x, i) => <CardElement key={i} element={x} />);

function CardElement({ element }: { element: unknown }): ReactNode {
  const el = obj(element);
  const separator = el?.separator === true ? <Divider my={6} /> : null;
  switch (str(el?.type)) {
    case 'TextBlock': {
      const size = str(el?.size);
      return (
        <>
          {separator}
          <Box
            fz={size === 'large' || size === 'extraLarge' ? 'lg' : size === 'small' ? 'xs' : undefined}
            fw={str(el?.weight) === 'bolder' ? 700 : undefined}
            c={el?.isSubtle === true ? 'dimmed' : TEXT_COLORS[str(el?.color) ?? '']}
            mb={4}
          >
            <RichBlocks blocks={parseMarkdown(str(el?.text) ?? '', { escapes: 'backslash' })} />
          </Box>
        </>
      );
    }
    case 'Container':
      return (
        <>
          {separator}
          <Box
            p={CONTAINER_BG[str(el?.style) ?? ''] ? 'xs' : 0}
            mb={6}
            style={{ background: CONTAINER_BG[str(el?.style) ?? ''], borderRadius: 4 }}
          >
            {items(el?.items)}
          </Box>
        </>
      );
    case 'FactSet':
      return (
        <Box
          component="dl"
          m={0}
          mb={6}
          style={{ display: 'grid', gridTemplateColumns: 'minmax(0, max-content) 1fr', columnGap: 12 }}
        >
          {arr(el?.facts).map((f, i) => (
            <FactRow key={i} fact={f} />
          ))}
        </Box>
      );
    case 'ColumnSet':
      return (
        <SimpleGrid cols={Math.max(1, arr(el?.columns).length)} spacing="sm" mb={6}>
          {arr(el?.columns).map((c, i) => (
            <Box key={i}>{items(obj(c)?.items)}</Box>
          ))}
        </SimpleGrid>
      );
    case 'Table':
      return (
        <Table mb={6} withRowBorders={el?.showGridLines !== false} verticalSpacing={2}>
          <Table.Tbody>
            {arr(el?.rows).map((r, i) => (
              <Table.Tr key={i}>
                {arr(obj(r)?.cells).map((c, j) => (
                  <Table.Td key={j}>{items(obj(c)?.items)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case 'ActionSet':
      return <Actions actions={el?.actions} />;
    default:
      return null;
  }
}

function FactRow({ fact }: { fact: unknown }) {
  const md = (s: string | undefined) => <RichBlocks blocks={parseMarkdown(s ?? '', { escapes: 'backslash' })} />;
  return (
    <>
      <Box component="dt" fw={700}>
        {md(str(at(fact, 'title')))}
      </Box>
      <Box component="dd" m={0}>
        {md(str(at(fact, 'value')))}
      </Box>
    </>
  );
}

function Actions({ actions }: { actions: unknown }) {
  const list = arr(actions).map(obj);
  if (list.length === 0) return null;
  return (
    <Group gap="xs" mt={6}>
      {list.map((a, i) => {
        const href = safeHref(str(a?.url) ?? '');
        const title = str(a?.title);
        return href ? (
          <Button
            key={i}
            component="a"
            href={href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            size="compact-sm"
            variant="default"
          >
            {title}
          </Button>
        ) : (
          <Button key={i} size="compact-sm" variant="default">
            {title}
          </Button>
        );
      })}
    </Group>
  );
}

/** A Teams message's Adaptive Card, simplified: text blocks, containers, fact sets, tables and buttons. */
export function TeamsPreview({ body }: ChannelPreviewProps) {
  const card = arr(at(body, 'attachments'))
    .map((a) => obj(at(a, 'content')))
    .find((c) => str(c?.type) === 'AdaptiveCard');
  if (!card) return <BodyJson body={body} />;
  return (
    <ChatFrame card>
      {items(card.body)}
      <Actions actions={card.actions} />
    </ChatFrame>
  );
}
