/**
 * Silences: an admin mutes a provider, a user or a notification type for a while. What they
 * hold back is still logged (skipped deliveries naming the silence), so nothing vanishes.
 */
import type { CreateSilenceInput, NotificationType, SilenceMatcher, SilenceView } from '@herald/core';
import type { z } from 'zod';
import type { Executor } from '../db/database.ts';
import * as repo from '../db/repos/silences.ts';
import type { SilenceKind, SilenceRow } from '../db/tables/incidents.ts';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from './audit.ts';
import { refusal } from './refusal.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

function matcherOf(row: SilenceRow): SilenceMatcher {
  switch (row.matcher_kind) {
    case 'provider':
      return { kind: 'provider', providerId: row.matcher_value };
    case 'user':
      return { kind: 'user', userId: row.matcher_value };
    case 'type':
      return { kind: 'type', notificationType: row.matcher_value as NotificationType };
  }
}

function kindAndValue(m: SilenceMatcher): { kind: SilenceKind; value: string } {
  switch (m.kind) {
    case 'provider':
      return { kind: 'provider', value: m.providerId };
    case 'user':
      return { kind: 'user', value: m.userId };
    case 'type':
      return { kind: 'type', value: m.notificationType };
  }
}

const isActive = (s: SilenceRow, now: Date) =>
  s.ended_at === null && s.starts_at.getTime() <= now.getTime() && s.ends_at.getTime() > now.getTime();

/** Rows as the API shows them: matcher names where Herald knows them, and what each held back. */
async function toViews(db: Executor, rows: SilenceRow[], now: Date): Promise<SilenceView[]> {
  const ids = (kind: SilenceKind) => [
    ...new Set(rows.filter((r) => r.matcher_kind === kind).map((r) => r.matcher_value)),
  ];
  const names = await repo.matcherNames(db, ids('provider'), ids('user'));
  const held = await repo.heldBackCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    matcher: matcherOf(r),
    matcherName:
      r.matcher_kind === 'provider'
        ? (names.providers.get(r.matcher_value) ?? null)
        : r.matcher_kind === 'user'
          ? (names.users.get(r.matcher_value) ?? null)
          : null,
    reason: r.reason,
    createdBy: r.created_by,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    endedAt: r.ended_at?.toISOString() ?? null,
    active: isActive(r, now),
    heldBack: held.get(r.id) ?? 0,
  }));
}

export async function listSilences(deps: Deps, input: { includeEnded: boolean }): Promise<SilenceView[]> {
  const now = deps.clock.now();
  return toViews(deps.db, await repo.listSilences(deps.db, now, input.includeEnded), now);
}

/**
 * A silence from now for `durationMinutes`. A provider or user must be one Herald knows (the
 * hub synced or reported it): a mistyped id would otherwise silence nothing, quietly.
 */
export async function createSilence(
  deps: Deps,
  input: z.output<typeof CreateSilenceInput>,
  actor: string,
): Promise<SilenceView> {
  const now = deps.clock.now();
  const { kind, value } = kindAndValue(input.matcher);
  return deps.db.transaction().execute(async (trx) => {
    if (kind !== 'type') {
      const names = await repo.matcherNames(trx, kind === 'provider' ? [value] : [], kind === 'user' ? [value] : []);
      if (!(kind === 'provider' ? names.providers : names.users).has(value)) {
        const field = kind === 'provider' ? 'matcher.providerId' : 'matcher.userId';
        const reason = kind === 'provider' ? 'provider.not_found' : 'user.not_found';
        throw refusal(reason, { id: value }, `${field}: Herald knows no ${kind} ${value}`);
      }
    }
    const row = await repo.insertSilence(trx, {
      kind,
      value,
      reason: input.reason,
      createdBy: actor,
      startsAt: now,
      endsAt: new Date(now.getTime() + input.durationMinutes * 60_000),
    });
    const [view] = await toViews(trx, [row], now);
    await recordAudit(trx, {
      actor,
      action: 'silence.create',
      entityType: 'silence',
      entityId: row.id,
      before: null,
      after: view,
    });
    return view as SilenceView;
  });
}

/** Ends a silence early; one that is already over (ended, or run out) cannot end again. */
export async function endSilence(deps: Deps, id: string, actor: string): Promise<SilenceView> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await repo.findSilence(trx, id, true);
    if (!before) throw refusal('silence.not_found', { id }, `id: no silence ${id}`);
    if (before.ended_at !== null) {
      const at = before.ended_at.toISOString();
      throw refusal('silence.already_ended', { id, at }, `id: silence ${id} was already ended at ${at}`);
    }
    if (before.ends_at.getTime() <= now.getTime()) {
      const at = before.ends_at.toISOString();
      throw refusal('silence.expired', { id, at }, `id: silence ${id} already ran out at ${at}`);
    }
    const row = (await repo.endSilence(trx, id, now)) as SilenceRow;
    const [beforeView, afterView] = await toViews(trx, [before, row], now);
    await recordAudit(trx, {
      actor,
      action: 'silence.end',
      entityType: 'silence',
      entityId: id,
      before: beforeView ? { ...beforeView, active: isActive(before, now) } : null,
      after: afterView,
    });
    return afterView as SilenceView;
  });
}

/** Silences in force at `now` (the enqueue checks each notification against them). */
export function activeSilences(db: Executor, now: Date): Promise<SilenceRow[]> {
  return repo.activeSilences(db, now);
}

const field = (data: unknown, key: string): unknown =>
  typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;

/** Whether one silence holds back a notification of `type` with `data` (its validated data). */
export function silences(s: SilenceRow, type: NotificationType, data: unknown): boolean {
  switch (s.matcher_kind) {
    case 'type':
      return s.matcher_value === type;
    case 'provider':
      if (type === 'circuit_breaker' || type === 'provider_balance') {
        return String(field(data, 'providerId')) === s.matcher_value;
      }
      return (
        type === 'cost_alert' &&
        field(data, 'targetType') === 'provider' &&
        String(field(data, 'targetId')) === s.matcher_value
      );
    case 'user':
      return (
        type === 'cost_alert' &&
        field(data, 'targetType') === 'user' &&
        String(field(data, 'targetId')) === s.matcher_value
      );
  }
}

/**
 * The silence that holds back this notification, or null. Of several, the one that lasts
 * longest (its end is when the subject is heard of again).
 */
export function silenceFor(all: SilenceRow[], type: NotificationType, data: unknown): SilenceRow | null {
  let found: SilenceRow | null = null;
  for (const s of all) {
    if (!silences(s, type, data)) continue;
    if (!found || s.ends_at.getTime() > found.ends_at.getTime()) found = s;
  }
  return found;
}
