import { type CreateTargetInput, TargetConfig, type TargetView, type UpdateTargetInput } from '@herald/core';
import { readSettings, writeSettings } from '../db/repos/settings.ts';
import * as repo from '../db/repos/targets.ts';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from './audit.ts';
import { FieldIssuesError } from './errors.ts';
import { reconcileSchedules } from './reconcile-after-change.ts';
import { refusal } from './refusal.ts';
import { SYSTEM_TIMEZONE, settingsView } from './settings.ts';
import { openTarget, type PlainTarget, sealTarget, targetView } from './target-record.ts';

const COMMON_FIELDS = ['name', 'proxyUrl', 'proxyFallbackToDirect', 'isEnabled', 'pacePerMinute'] as const;

const notFound = (id: string) => refusal('target.not_found', { id }, `id: no target ${id}`);

export async function listTargets(deps: AppDeps): Promise<TargetView[]> {
  return (await repo.listTargets(deps.db)).map(targetView);
}

export async function getTarget(deps: AppDeps, id: string): Promise<TargetView> {
  const row = await repo.findTarget(deps.db, id);
  if (!row) throw notFound(id);
  return targetView(row);
}

/** The first target switches Herald from the legacy single-URL mode to targets (spec: 自动切换机制). */
export async function createTarget(deps: AppDeps, input: CreateTargetInput, actor: string): Promise<TargetView> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const settings = await readSettings(trx, SYSTEM_TIMEZONE, true);
    const first = (await repo.countTargets(trx)) === 0;
    const created = await repo.insertTarget(trx, sealTarget(input, deps.secretBox));
    await recordAudit(trx, {
      actor,
      action: 'target.create',
      entityType: 'target',
      entityId: created.id,
      before: null,
      after: targetView(created),
    });
    if (first && settings.use_legacy_mode) {
      const switched = await writeSettings(trx, { use_legacy_mode: false });
      await recordAudit(trx, {
        actor,
        action: 'settings.mode_switched',
        entityType: 'settings',
        entityId: null,
        before: settingsView(settings),
        after: settingsView(switched),
      });
    }
    return created;
  });
  await reconcileSchedules(deps);
  return targetView(row);
}

/** Applies a patch: left out = keep, null = clear; on a type change other types' fields go. */
export function mergePatch(current: PlainTarget, patch: Omit<UpdateTargetInput, 'id'>): Record<string, unknown> {
  const typeChanged = patch.providerType !== undefined && patch.providerType !== current.providerType;
  const base: Record<string, unknown> = typeChanged
    ? Object.fromEntries(COMMON_FIELDS.filter((k) => current[k] !== undefined).map((k) => [k, current[k]]))
    : { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete base[k];
    else base[k] = v;
  }
  return base;
}

export async function updateTarget(deps: AppDeps, input: UpdateTargetInput, actor: string): Promise<TargetView> {
  const { id, ...patch } = input;
  const row = await deps.db.transaction().execute(async (trx) => {
    const before = await repo.findTarget(trx, id, true);
    if (!before) throw notFound(id);
    const merged = mergePatch(openTarget(before, deps.secretBox), patch);
    const parsed = TargetConfig.safeParse(merged);
    if (!parsed.success) {
      throw new FieldIssuesError(parsed.error.issues.map((i) => ({ path: i.path, message: i.message })));
    }
    const after = await repo.updateTarget(trx, id, sealTarget(parsed.data, deps.secretBox));
    await recordAudit(trx, {
      actor,
      action: 'target.update',
      entityType: 'target',
      entityId: id,
      before: targetView(before),
      after: targetView(after),
    });
    return after;
  });
  await reconcileSchedules(deps);
  return targetView(row);
}

export async function deleteTarget(deps: AppDeps, id: string, actor: string): Promise<{ id: string }> {
  await deps.db.transaction().execute(async (trx) => {
    const deleted = await repo.deleteTarget(trx, id);
    if (!deleted) throw notFound(id);
    await recordAudit(trx, {
      actor,
      action: 'target.delete',
      entityType: 'target',
      entityId: id,
      before: targetView(deleted),
      after: null,
    });
  });
  await reconcileSchedules(deps);
  return { id };
}
