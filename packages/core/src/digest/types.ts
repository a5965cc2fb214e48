import type { JsonObject } from '../channels/types.ts';
import type { Locale } from '../domain.ts';
import type { Level, ListItem } from '../message/model.ts';
import type { BuildContext } from '../notifications/types.ts';
import type { DigestType } from './has-digest.ts';

/** What a digest's header says about its notifications, all of one type. */
export type DigestSummary = { title: string; level: Level; icon: string };

/** A type's digest: a summary of its notifications and one list row for each. */
export type DigestDefinition<Data = unknown> = {
  type: DigestType;
  summary(items: Data[], locale: Locale): DigestSummary;
  row(item: Data, ctx: BuildContext): ListItem;
  /** The custom-webhook template a digest of this type gets when the target's does not use `items`. */
  defaultTemplate: JsonObject;
  sample(now: Date): Data[];
};

/** Which part of a digest split to fit a platform's limit: 1-based. */
export type DigestPart = { index: number; total: number };

/** `{ title, count, items }`: every digest type's default custom-webhook body. */
export const DEFAULT_DIGEST_TEMPLATE: JsonObject = {
  title: '{{title}}',
  count: '{{json:count}}',
  items: '{{json:items}}',
};
