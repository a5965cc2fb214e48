import type { ChannelType } from '../domain.ts';
import { custom } from './custom.ts';
import { dingtalk } from './dingtalk.ts';
import { feishu } from './feishu.ts';
import { telegram } from './telegram.ts';
import type { ChannelDefinition } from './types.ts';
import { wechat } from './wechat.ts';

/** Every channel Herald renders for. A new channel is one file plus one line here. */
export const CHANNELS = {
  wechat,
  feishu,
  dingtalk,
  telegram,
  custom,
} satisfies Record<ChannelType, ChannelDefinition>;

export type { ChannelDefinition, ChannelLimit, JsonObject, Rendered, RenderOptions } from './types.ts';
