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
  sample(now: Date): Data[];
};

/** Which part of a digest split to fit a platform's limit: 1-based. */
export type DigestPart = { index: number; total: number };
