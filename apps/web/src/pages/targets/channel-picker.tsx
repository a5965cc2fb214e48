import { CHANNEL_TYPES, type ChannelType } from '@herald/core';
import { Chip, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { channelUi, useChannelName } from '../../channels/index.ts';

type Props = {
  value: ChannelType;
  onChange: (type: ChannelType) => void;
  /** An existing target keeps its channel. */
  disabled: boolean;
};

/**
 * Every channel of the registry as a radio (one name: arrow keys move between them), with its
 * mark; the chips wrap, so a new channel needs no room planned for it. An existing target shows
 * only its own channel: the others could not be picked anyway.
 */
export function ChannelPicker({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const name = useChannelName();
  return (
    <Stack gap={4} role="radiogroup" aria-label={t('targets.form.channelLabel')}>
      <Text size="sm" fw={500}>
        {t('targets.form.channelLabel')}
      </Text>
      <Chip.Group multiple={false} value={value} onChange={(v) => onChange(v as ChannelType)}>
        <Group gap="xs">
          {(disabled ? [value] : CHANNEL_TYPES).map((type) => {
            const { icon: Icon, color } = channelUi(type);
            return (
              <Chip key={type} value={type} name="providerType" color={color} variant="light">
                <Group component="span" gap={6} wrap="nowrap">
                  <Icon size={14} />
                  <span>{name(type)}</span>
                </Group>
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
      {disabled && (
        <Text size="xs" c="dimmed">
          {t('targets.form.channelFixed')}
        </Text>
      )}
    </Stack>
  );
}
