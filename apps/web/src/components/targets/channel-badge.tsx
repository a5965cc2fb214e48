import type { ChannelType } from '@herald/core';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<ChannelType, string> = {
  wechat: 'green',
  feishu: 'blue',
  dingtalk: 'cyan',
  telegram: 'indigo',
  custom: 'grape',
};

/** The channel's name in a badge of its own colour. */
export function ChannelBadge({ channel }: { channel: ChannelType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[channel]}>
      {t(`targets.channels.${channel}`)}
    </Badge>
  );
}
