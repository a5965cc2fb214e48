import type { ChannelType } from '@herald/core';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNEL_ICONS } from './icons.tsx';

const COLORS: Record<ChannelType, string> = {
  wechat: 'green',
  feishu: 'blue',
  dingtalk: 'cyan',
  telegram: 'indigo',
  custom: 'grape',
};

/** The channel's icon and name in a badge of its own colour. */
export function ChannelBadge({ channel }: { channel: ChannelType }) {
  const { t } = useTranslation();
  const Icon = CHANNEL_ICONS[channel];
  return (
    <Badge variant="light" color={COLORS[channel]} leftSection={<Icon size={14} />} miw="max-content">
      {t(`targets.channels.${channel}`)}
    </Badge>
  );
}
