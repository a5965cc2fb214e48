import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = TextProps & { children: ReactNode; full: string; testId?: string };

/**
 * A cell's text on one line, cut with an ellipsis; the whole text on hover (title) and for
 * screen readers (it is all in the DOM). Keeps a log row one line high in every language.
 */
export function OneLine({ children, full, testId, ...props }: Props) {
  return (
    <Text size="sm" truncate="end" title={full} data-testid={testId} {...props}>
      {children}
    </Text>
  );
}
