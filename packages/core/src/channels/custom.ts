import { z } from 'zod';
import { CustomHeaders, HttpUrl, templateSchema } from '../schemas/common.ts';
import { renderTemplate } from '../template/render.ts';
import { defineChannel, type JsonObject } from './types.ts';

/** Standard Webhooks symmetric secret: `whsec_` and base64. */
export const SigningSecret = z
  .string()
  .trim()
  .regex(/^whsec_[A-Za-z0-9+/]{24,}={0,2}$/, 'must be a Standard Webhooks secret: whsec_ followed by base64');

/** Custom webhook: the template with its placeholders filled; no platform limit applies. */
export const custom = defineChannel({
  type: 'custom',
  fields: {
    webhookUrl: { kind: 'url', schema: HttpUrl },
    customTemplate: { kind: 'template', schema: templateSchema() },
    customHeaders: { kind: 'headers', schema: CustomHeaders.nullish() },
    signingSecret: { kind: 'secret', schema: SigningSecret.nullish() },
  },
  pace: () => ({ limits: [] }),
  previewConfig: {},
  mentions: null,
  limit: null,
  render(_message, { custom: options }) {
    if (!options) throw new Error('a custom target needs a template');
    return { body: renderTemplate(options.template, options.variables) as JsonObject, truncated: false };
  },
});
