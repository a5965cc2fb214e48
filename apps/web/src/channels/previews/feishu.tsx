import { Box, Button, Divider, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChatFrame } from '../../components/preview/chat-frame.tsx';
import { type Dialect, parseMarkdown } from '../../components/preview/markdown.ts';
import { arr, at, obj, str } from '../../components/preview/read-body.ts';
import { safeHref } from '../../components/preview/rich.ts';
import { BodyJson, RichBlocks } from '../../components/preview/rich-text.tsx';
import type { ChannelPreviewProps } from '../types.ts';

/** Card markdown: values as HTML entities, people as <at id=…></at>. */
const FEISHU: Dialect = { escapes: 'entities', tags: 'feishu' };

/** A card header's template colour as Feishu paints it (Mantine's nearest, dark enough for white text). */
const HEADER_COLORS: Record<string, string> = {
  blue: 'blue.8',
  wathet: 'cyan.8',
  turquoise: 'teal.8',
  green: 'green.8',
  yellow: 'yellow.9',
  orange: 'orange.9',
  red: 'red.8',
  carmine: 'pink.8',
  violet: 'violet.8',
  purple: 'grape.8',
  indigo: 'indigo.8',
  grey: 'gray.7',
};

function Element({ element }: { element: unknown }): ReactNode {
  const el = obj(element);
  switch (str(el?.tag)) {
    case 'markdown':
    case 'lark_md': {
      const small = str(el?.text_size) === 'notation';
      return (
        <Box fz={small ? 'xs' : undefined} c={small ? 'dimmed' : undefined}>
          <RichBlocks blocks={parseMarkdown(str(el?.content) ?? '', FEISHU)} />
        </Box>
      );
    }
    case 'plain_text':
      return (
        <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
          {str(el?.content)}
        </Text>
      );
    case 'div':
      return <Element element={el?.text} />;
    case 'hr':
      return <Divider my={8} />;
    case 'note':
      return (
        <Box fz="xs" c="dimmed">
          {arr(el?.elements).map((x, i) => (
            <Element key={i} element={x} />
          ))}
        </Box>
      );
    case 'column_set': {
      const columns = arr(el?.columns);
      return (
        <SimpleGrid cols={Math.max(1, columns.length === 1 ? 2 : columns.length)} spacing="sm" mb={4}>
          {columns.map((c, i) => (
            <Box key={i}>
              {arr(obj(c)?.elements).map((x, j) => (
                <Element key={j} element={x} />
              ))}
            </Box>
          ))}
        </SimpleGrid>
      );
    }
    case 'button': {
      const href = safeHref(str(at(el, 'url')) ?? str(at(el, 'multi_url', 'url')) ?? '');
      const label = str(at(el, 'text', 'content'));
      return href ? (
        <Button
          component="a"
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          size="compact-sm"
          variant="default"
        >
          {label}
        </Button>
      ) : (
        <Button size="compact-sm" variant="default">
          {label}
        </Button>
      );
    }
    case 'action':
      return (
        <Group gap="xs" my={4}>
          {arr(el?.actions).map((x, i) => (
            <Element key={i} element={x} />
          ))}
        </Group>
      );
    default:
      return null;
  }
}

/** A Feishu interactive card: the coloured header, then its markdown, two-column fields and rules. */
export function FeishuPreview({ body }: ChannelPreviewProps) {
  const card = obj(at(body, 'card'));
  const title = str(at(card, 'header', 'title', 'content'));
  if (!card || title === undefined) {
    const text = str(at(body, 'content', 'text'));
    return text === undefined ? (
      <BodyJson body={body} />
    ) : (
      <ChatFrame>
        <Text inherit style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Text>
      </ChatFrame>
    );
  }
  const elements =
    arr(at(card, 'body', 'elements')).length > 0 ? arr(at(card, 'body', 'elements')) : arr(card.elements);
  const template = str(at(card, 'header', 'template')) ?? 'blue';
  return (
    <ChatFrame card style={{ padding: 0, overflow: 'hidden' }}>
      <Box bg={HEADER_COLORS[template] ?? 'blue.8'} c="white" px="sm" py={8} fw={700} data-header={template}>
        {title}
      </Box>
      <Box px="sm" pt="xs" pb={4}>
        {elements.map((x, i) => (
          <Element key={i} element={x} />
        ))}
      </Box>
    </ChatFrame>
  );
}
