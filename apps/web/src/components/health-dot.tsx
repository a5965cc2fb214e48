import type { TargetHealthState } from '@herald/core';
import { Box, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTargetHealth } from './target-health.ts';

/** Colour by state; untested is a ring, so the four differ in shape as well as colour. */
const COLOR: Record<TargetHealthState, string> = {
  ok: 'var(--mantine-color-teal-7)',
  failing: 'var(--mantine-color-red-7)',
  idle: 'var(--mantine-color-gray-6)',
  untested: 'var(--mantine-color-gray-6)',
};

type Props = {
  state: TargetHealthState;
  /** Names the target for screen readers ("Health of ops: Failing"); without it, just the state. */
  name?: string;
  /** Show the state's word beside the dot (the Targets page); otherwise it is read, not shown. */
  withLabel?: boolean;
};

/** A target's health as a dot, with the state in words for screen readers and on hover. */
export function HealthDot({ state, name, withLabel = false }: Props) {
  const { t } = useTranslation();
  const word = t(`targetHealth.state.${state}`);
  const spoken = name ? t('targetHealth.dotLabel', { name, state: word }) : word;
  return (
    <Tooltip label={t(`targetHealth.stateHint.${state}`)} multiline maw={280} withArrow>
      <Group gap={6} wrap="nowrap" component="span" display="inline-flex" data-testid="health-dot" data-state={state}>
        <Box
          component="span"
          aria-hidden
          style={{
            flex: 'none',
            width: 10,
            height: 10,
            borderRadius: '50%',
            background: state === 'untested' ? 'transparent' : COLOR[state],
            border: `2px solid ${COLOR[state]}`,
          }}
        />
        {withLabel ? (
          <Text span size="sm" fw={500}>
            {word}
            {name && <VisuallyHidden>{` (${name})`}</VisuallyHidden>}
          </Text>
        ) : (
          <VisuallyHidden>{spoken}</VisuallyHidden>
        )}
      </Group>
    </Tooltip>
  );
}

/** The health dot of one target by id (nothing until its health is known). */
export function TargetHealthDot({ targetId, name }: { targetId: string; name?: string }) {
  const health = useTargetHealth().byId.get(targetId);
  return health ? <HealthDot state={health.state} {...(name ? { name } : {})} /> : null;
}
