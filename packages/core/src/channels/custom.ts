import { renderTemplate } from '../template/render.ts';
import type { ChannelDefinition, JsonObject } from './types.ts';

/** Custom webhook: the template with its placeholders filled; no platform limit applies. */
export const custom: ChannelDefinition = {
  type: 'custom',
  limit: null,
  render(_message, { custom: options }) {
    if (!options) throw new Error('a custom target needs a template');
    return { body: renderTemplate(options.template, options.variables) as JsonObject, truncated: false };
  },
};
