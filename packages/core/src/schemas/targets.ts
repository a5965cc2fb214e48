import { z } from 'zod';
import { CHANNEL_TYPES } from '../domain.ts';
import { CustomHeaders, HttpUrl, ProxyUrl, type SecretState, templateSchema } from './common.ts';
import { PacePerMinute } from './incidents.ts';
import { Text } from './text.ts';

const Name = Text().trim().min(1, 'a name is required').max(100, 'at most 100 characters');
const Secret = Text().trim().min(1, 'must not be empty').max(512, 'at most 512 characters');

const common = {
  name: Name,
  proxyUrl: ProxyUrl.nullish(),
  proxyFallbackToDirect: z.boolean().optional(),
  isEnabled: z.boolean().optional(),
  /** Messages per minute, below the platform's own limit; null: the platform's pace. */
  pacePerMinute: PacePerMinute.nullish(),
};

export const TelegramBotToken = z
  .string()
  .trim()
  .regex(/^\d{3,}:[\w-]{20,}$/, 'must look like 123456789:AA… (from @BotFather)');
export const TelegramChatId = z
  .string()
  .trim()
  .regex(/^(-?\d{1,20}|@[A-Za-z]\w{4,31})$/, 'must be a numeric chat id (e.g. -1001234567890) or @channelname');
export const SigningSecret = z
  .string()
  .trim()
  .regex(/^whsec_[A-Za-z0-9+/]{24,}={0,2}$/, 'must be a Standard Webhooks secret: whsec_ followed by base64');

/** Each channel's fields; secrets are webhookUrl, tokens, signing secrets, header values and the proxy URL. */
export const TargetConfig = z.discriminatedUnion('providerType', [
  z.object({ ...common, providerType: z.literal('wechat'), webhookUrl: HttpUrl }),
  z.object({ ...common, providerType: z.literal('feishu'), webhookUrl: HttpUrl, feishuSecret: Secret.nullish() }),
  z.object({ ...common, providerType: z.literal('dingtalk'), webhookUrl: HttpUrl, dingtalkSecret: Secret.nullish() }),
  z.object({
    ...common,
    providerType: z.literal('telegram'),
    telegramBotToken: TelegramBotToken,
    telegramChatId: TelegramChatId,
    telegramTopicId: z
      .number()
      .int('a topic id is a whole number')
      .positive('a topic id is a positive number')
      .max(2_147_483_647, 'a topic id is at most 2147483647')
      .nullish(),
  }),
  z.object({
    ...common,
    providerType: z.literal('custom'),
    webhookUrl: HttpUrl,
    customTemplate: templateSchema(),
    customHeaders: CustomHeaders.nullish(),
    signingSecret: SigningSecret.nullish(),
  }),
]);
export type TargetConfig = z.infer<typeof TargetConfig>;

export const CreateTargetInput = TargetConfig;
export type CreateTargetInput = TargetConfig;

/** Every field any type has: the shape a patch may carry. */
export const SECRET_FIELDS = [
  'webhookUrl',
  'telegramBotToken',
  'dingtalkSecret',
  'feishuSecret',
  'signingSecret',
  'proxyUrl',
] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/** A patch: a field left out is kept, null clears it; fields of another type are cleared on a type change. */
export const UpdateTargetInput = z
  .object({
    id: z.uuid('id must be a UUID'),
    name: z.unknown(),
    providerType: z.enum(CHANNEL_TYPES),
    webhookUrl: z.unknown(),
    telegramBotToken: z.unknown(),
    telegramChatId: z.unknown(),
    telegramTopicId: z.unknown(),
    dingtalkSecret: z.unknown(),
    feishuSecret: z.unknown(),
    signingSecret: z.unknown(),
    customTemplate: z.unknown(),
    customHeaders: z.unknown(),
    proxyUrl: z.unknown(),
    proxyFallbackToDirect: z.unknown(),
    isEnabled: z.unknown(),
    pacePerMinute: z.unknown(),
  })
  .partial()
  .required({ id: true })
  .strict();
export type UpdateTargetInput = z.infer<typeof UpdateTargetInput>;

export const TargetIdInput = z.object({ id: z.uuid('id must be a UUID') });

export const TestResult = z.object({
  success: z.boolean(),
  latencyMs: z.number(),
  statusCode: z.number().nullable(),
  error: z.string().nullable(),
  response: z.string().nullable(),
  notificationType: z.string(),
  attempts: z.number(),
});
export type TestResult = z.infer<typeof TestResult>;

export type TargetView = {
  id: string;
  name: string;
  providerType: (typeof CHANNEL_TYPES)[number];
  isEnabled: boolean;
  webhookUrl: SecretState;
  telegramBotToken: SecretState;
  telegramChatId: string | null;
  telegramTopicId: number | null;
  dingtalkSecret: SecretState;
  feishuSecret: SecretState;
  signingSecret: SecretState;
  customTemplate: Record<string, unknown> | null;
  /** Header names with the state of their (secret) values. */
  customHeaders: Record<string, SecretState> | null;
  proxyUrl: SecretState;
  proxyFallbackToDirect: boolean;
  pacePerMinute: number | null;
  lastTestAt: string | null;
  lastTestResult: TestResult | null;
  createdAt: string;
  updatedAt: string;
};
