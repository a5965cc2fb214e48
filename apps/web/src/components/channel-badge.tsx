import type { ChannelType } from '@herald/core';
import { Badge } from '@mantine/core';
import { channelUi, useChannelName } from '../channels/index.ts';

/** The channel's icon and name in a badge of its own colour. */
export function ChannelBadge({ channel }: { channel: ChannelType }) {
  const name = useChannelName();
  const { icon: Icon, color } = channelUi(channel);
  return (
    <Badge variant="light" color={color} leftSection={<Icon size={14} />} miw="max-content">
      {name(channel)}
    </Badge>
  );
}
