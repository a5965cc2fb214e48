import { z } from 'zod';
import {
  type AllChannelFields,
  CHANNEL_FIELDS,
  CHANNELS,
  type ChannelFieldName,
  type ChannelFields,
  channelOf,
  type FieldSpec,
  type FieldsOf,
  type SecretKind,
} from '../channels/index.ts';
import { CHANNEL_TYPES, type ChannelType } from '../domain.ts';
import { ProxyUrl, type SecretState } from './common.ts';
import { PacePerMinute } from './incidents.ts';
import { Text } from './text.ts';

const Name = Text().trim().min(1, 'a name is required').max(100, 'at most 100 characters');

const common = {
  name: Name,
  proxyUrl: ProxyUrl.nullish(),
  proxyFallbackToDirect: z.boolean().optional(),
  isEnabled: z.boolean().optional(),
  /** Messages per minute, below the platform's own limit; null: the platform's pace. */
  pacePerMinute: PacePerMinute.nullish(),
};

type ShapeOf<F extends ChannelFields> = { [K in keyof F]: F[K]['schema'] };
type ConfigSchemaOf<T extends ChannelType> = z.ZodObject<
  typeof common & { providerType: z.ZodLiteral<T> } & ShapeOf<FieldsOf<T>>
>;

/** One channel's create input: the common fields, its type and its own fields. */
export function channelConfigSchema<T extends ChannelType>(type: T): ConfigSchemaOf<T> {
  const fields = CHANNELS[type].fields as ChannelFields;
  const own = Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, spec.schema]));
  const schema = z.object({ ...common, providerType: z.literal(type), ...own });
  const refine = channelOf(type).refine;
  // A refined object is still a ZodObject in zod 4: the union and the form read its shape.
  const refined = refine
    ? schema.superRefine((config, ctx) => {
        for (const i of refine(config)) ctx.addIssue({ code: 'custom', path: [i.field], message: i.message });
      })
    : schema;
  return refined as unknown as ConfigSchemaOf<T>;
}

const CONFIG_SCHEMAS = CHANNEL_TYPES.map((t) => channelConfigSchema(t)) as unknown as [
  ConfigSchemaOf<ChannelType>,
  ...ConfigSchemaOf<ChannelType>[],
];

/** A target's settings, by channel: each channel's fields come from its definition. */
export const TargetConfig = z.discriminatedUnion('providerType', CONFIG_SCHEMAS) as unknown as z.ZodType<
  { [T in ChannelType]: z.infer<ConfigSchemaOf<T>> }[ChannelType]
>;
export type TargetConfig = z.infer<typeof TargetConfig>;
/** One channel's settings. */
export type TargetConfigOf<T extends ChannelType> = Extract<TargetConfig, { providerType: T }>;

export const CreateTargetInput = TargetConfig;
export type CreateTargetInput = TargetConfig;

/** A patch: a field left out is kept, null clears it; fields of another type are cleared on a type change. */
export const UpdateTargetInput = z
  .object({
    id: z.uuid('id must be a UUID'),
    providerType: z.enum(CHANNEL_TYPES),
    ...Object.fromEntries(Object.keys(common).map((k) => [k, z.unknown()])),
    ...Object.fromEntries([...CHANNEL_FIELDS.keys()].map((k) => [k, z.unknown()])),
  })
  .partial()
  .required({ id: true })
  .strict() as unknown as z.ZodType<
  { id: string; providerType?: ChannelType } & { [K in keyof typeof common | ChannelFieldName]?: unknown }
>;
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

/** How the API shows one field: a secret by whether it is set (and a hint), a setting as it is. */
type FieldView<S extends FieldSpec> = S['kind'] extends 'headers'
  ? Record<string, SecretState> | null
  : S['kind'] extends SecretKind
    ? SecretState
    : NonNullable<z.infer<S['schema']>> | null;

/** Every channel's fields appear (null or unset for other channels' targets). */
export type TargetView = {
  id: string;
  name: string;
  providerType: ChannelType;
  isEnabled: boolean;
  proxyUrl: SecretState;
  proxyFallbackToDirect: boolean;
  pacePerMinute: number | null;
  lastTestAt: string | null;
  lastTestResult: TestResult | null;
  createdAt: string;
  updatedAt: string;
} & { [K in ChannelFieldName]: AllChannelFields[K] extends FieldSpec ? FieldView<AllChannelFields[K]> : never };

/** What `targets.delete` answers: the id of the target it removed (with its bindings). */
export const DeletedTarget = z.object({ id: z.uuid() });
export type DeletedTarget = z.infer<typeof DeletedTarget>;
