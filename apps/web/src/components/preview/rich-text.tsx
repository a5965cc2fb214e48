import { Anchor, Box, Code, Divider, ScrollArea, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, Inline } from './rich.ts';

/** WeCom's three font colours, as its client draws them (darkened to stay readable). */
const FONT_COLORS: Record<string, string> = {
  info: 'var(--mantine-color-green-9)',
  comment: 'var(--mantine-color-dimmed)',
  warning: 'var(--mantine-color-orange-9)',
};

/** Inline nodes as React elements: every value is a text child, never markup. */
export function InlineNodes({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((n, i) => {
    const key = `${n.t}${i}`;
    switch (n.t) {
      case 'text':
        return n.v;
      case 'br':
        return <br key={key} />;
      case 'b':
        return (
          <strong key={key}>
            <InlineNodes nodes={n.c} />
          </strong>
        );
      case 'i':
        return (
          <em key={key}>
            <InlineNodes nodes={n.c} />
          </em>
        );
      case 'u':
        return (
          <u key={key}>
            <InlineNodes nodes={n.c} />
          </u>
        );
      case 's':
        return (
          <s key={key}>
            <InlineNodes nodes={n.c} />
          </s>
        );
      case 'spoiler':
        return (
          <Box key={key} component="span" bg="gray.3" c="dark.9" px={2} data-spoiler>
            <InlineNodes nodes={n.c} />
          </Box>
        );
      case 'code':
        return <Code key={key}>{n.v}</Code>;
      case 'pre':
        return (
          <Code key={key} block style={{ whiteSpace: 'pre-wrap' }}>
            {n.v}
          </Code>
        );
      case 'quote':
        return (
          <Box key={key} component="blockquote" m={0} my={4} pl="sm" style={QUOTE_STYLE}>
            <InlineNodes nodes={n.c} />
          </Box>
        );
      case 'link':
        return n.href ? (
          <Anchor key={key} href={n.href} target="_blank" rel="noopener noreferrer nofollow" inherit underline="always">
            <InlineNodes nodes={n.c} />
          </Anchor>
        ) : (
          <span key={key}>
            <InlineNodes nodes={n.c} />
          </span>
        );
      case 'mention':
        return (
          <Text key={key} span inherit c="blue.9" fw={500} data-mention>
            {n.v}
          </Text>
        );
      case 'color':
        return (
          <span key={key} style={{ color: FONT_COLORS[n.color] }}>
            <InlineNodes nodes={n.c} />
          </span>
        );
      default:
        return null;
    }
  });
}

const QUOTE_STYLE = { borderLeft: '3px solid var(--mantine-color-gray-5)' };

/** Blocks as React elements (headings sized down: a chat message, not a page). */
export function RichBlocks({ blocks }: { blocks: Block[] }): ReactNode {
  return blocks.map((b, i) => {
    const key = `${b.t}${i}`;
    switch (b.t) {
      case 'h':
        return (
          <Text key={key} fw={700} size={b.level <= 2 ? 'lg' : 'md'} mb={6}>
            <InlineNodes nodes={b.c} />
          </Text>
        );
      case 'p':
        return (
          <Text key={key} inherit mb={6}>
            <InlineNodes nodes={b.c} />
          </Text>
        );
      case 'quote':
        return (
          <Box key={key} component="blockquote" m={0} mb={6} pl="sm" c="dimmed" style={QUOTE_STYLE}>
            <RichBlocks blocks={b.c} />
          </Box>
        );
      case 'hr':
        return <Divider key={key} my={8} />;
      case 'list': {
        const items = b.items.map((item, j) => (
          <li key={j}>
            <InlineNodes nodes={item} />
          </li>
        ));
        return b.ordered ? (
          <Box key={key} component="ol" start={b.start} m={0} mb={6} pl={22}>
            {items}
          </Box>
        ) : (
          <Box key={key} component="ul" m={0} mb={6} pl={22}>
            {items}
          </Box>
        );
      }
      default:
        return null;
    }
  });
}

/** The exact body as pretty JSON: the fallback for a body a channel's preview does not read. */
export function BodyJson({ body }: { body: unknown }) {
  const { t } = useTranslation();
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Code
        block
        role="region"
        tabIndex={0}
        aria-label={t('messagePreview.json')}
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      >
        {JSON.stringify(body, null, 2)}
      </Code>
    </ScrollArea.Autosize>
  );
}
