import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './empty-state.module.css';
import type { IconComponent } from './icons.tsx';

type Props = {
  icon: IconComponent;
  /** What is empty; "Nothing to show yet" when not given, none when null (a titled section). */
  title?: string | null;
  /** Why it is empty and what will fill it. */
  text: string;
  /** The buttons or links that fill it; none where nothing the admin does would. */
  action?: ReactNode;
  /** Inside a card or section: no frame of its own, smaller, beside its icon. */
  compact?: boolean;
  'data-testid'?: string;
};

/** Every empty list or section: an icon, a title, a sentence and the action that fills it. */
export function EmptyState({ icon: Icon, title, text, action, compact = false, ...rest }: Props) {
  const { t } = useTranslation();
  const body = (
    <MantineEmptyState
      size={compact ? 'sm' : 'md'}
      align={compact ? 'left' : 'center'}
      py={compact ? 0 : 'xl'}
      variant="light"
      icon={<Icon size={compact ? 20 : 26} />}
      title={title === null ? undefined : (title ?? t('placeholder.title'))}
      description={text}
      data-testid={rest['data-testid']}
    >
      {action && (
        <MantineEmptyState.Actions
          className={classes.actions}
          style={{ justifyContent: compact ? 'flex-start' : 'center' }}
        >
          {action}
        </MantineEmptyState.Actions>
      )}
    </MantineEmptyState>
  );
  return compact ? (
    body
  ) : (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
      {body}
    </Paper>
  );
}
