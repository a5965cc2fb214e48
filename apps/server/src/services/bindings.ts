import {
  type BindingView,
  type ChannelType,
  codedIssue,
  mentionProblems,
  type NotificationType,
  type SetBindingsInput,
} from '@herald/core';
import { CronExpressionParser } from 'cron-parser';
import type { Db } from '../db/database.ts';
import * as repo from '../db/repos/bindings.ts';
import { findTargets } from '../db/repos/targets.ts';
import type { AppDeps } from '../deps.ts';
import { recordAudit } from './audit.ts';
import { type FieldIssue, FieldIssuesError } from './errors.ts';
import { reconcileSchedules } from './reconcile-after-change.ts';

/** Types whose sending runs on a schedule; a binding's cron and time zone apply only to them. */
export const SCHEDULED_TYPES: readonly NotificationType[] = ['cost_alert', 'daily_leaderboard', 'cache_hit_rate'];

function view(b: repo.BindingWithTarget): BindingView {
  return {
    id: b.id,
    notificationType: b.notification_type as NotificationType,
    targetId: b.target_id,
    targetName: b.target_name,
    targetType: b.target_type,
    targetEnabled: b.target_enabled,
    isEnabled: b.is_enabled,
    scheduleCron: b.schedule_cron,
    scheduleTimezone: b.schedule_timezone,
    templateOverride: b.template_override,
    quietHours: b.quiet_hours,
    mentions: b.mentions,
  };
}

export async function listBindings(db: Db, type?: NotificationType): Promise<BindingView[]> {
  return (await repo.listBindings(db, type)).map(view);
}

/** A 5-field cron that cron-parser accepts in the given zone; the message when it is not. */
export function cronProblem(expr: string, tz: string): string | null {
  if (expr.trim().split(/\s+/).length !== 5) return 'must have 5 fields: minute hour day-of-month month day-of-week';
  try {
    CronExpressionParser.parse(expr, { tz, strict: false });
    return null;
  } catch (err) {
    return `not a valid cron expression: ${(err as Error).message}`;
  }
}

async function validate(deps: AppDeps, input: SetBindingsInput): Promise<void> {
  const targets = new Map(
    (
      await findTargets(
        deps.db,
        input.bindings.map((b) => b.targetId),
      )
    ).map((t) => [t.id, t]),
  );
  const issues: FieldIssue[] = [];
  const scheduled = SCHEDULED_TYPES.includes(input.notificationType);
  input.bindings.forEach((b, i) => {
    const target = targets.get(b.targetId);
    if (!target) issues.push(codedIssue(['bindings', i, 'targetId'], 'target.missing', `no target ${b.targetId}`));
    if (!scheduled && (b.scheduleCron || b.scheduleTimezone)) {
      issues.push(
        codedIssue(
          ['bindings', i, b.scheduleCron ? 'scheduleCron' : 'scheduleTimezone'],
          'cron.not_scheduled',
          `${input.notificationType} is sent when it happens: schedules apply only to ${SCHEDULED_TYPES.join(' and ')}`,
        ),
      );
    }
    if (scheduled && b.scheduleCron) {
      const problem = cronProblem(b.scheduleCron, b.scheduleTimezone ?? 'UTC');
      if (problem) issues.push(codedIssue(['bindings', i, 'scheduleCron'], 'cron.invalid', problem));
    }
    if (b.templateOverride && target && target.provider_type !== 'custom') {
      issues.push({
        path: ['bindings', i, 'templateOverride'],
        message: `a template override applies only to custom targets (this one is ${target.provider_type})`,
      });
    }
    if (target) {
      for (const p of mentionProblems(target.provider_type as ChannelType, b.mentions)) {
        issues.push({ path: ['bindings', i, 'mentions', ...p.path], message: p.message });
      }
    }
  });
  if (issues.length > 0) throw new FieldIssuesError(issues);
}

/** Stored as given, entries trimmed; no people means no mentions. */
function mentionsValue(m: SetBindingsInput['bindings'][number]['mentions']): string | null {
  if (!m || m.people.length === 0) return null;
  return JSON.stringify({ people: m.people, levels: m.levels?.length ? m.levels : null });
}

/** Replaces one type's bindings in one transaction. */
export async function setBindings(deps: AppDeps, input: SetBindingsInput, actor: string): Promise<BindingView[]> {
  await validate(deps, input);
  await deps.db.transaction().execute(async (trx) => {
    const before = (await repo.listBindings(trx, input.notificationType)).map(view);
    await repo.replaceBindings(
      trx,
      input.notificationType,
      input.bindings.map((b) => ({
        target_id: b.targetId,
        is_enabled: b.isEnabled,
        schedule_cron: b.scheduleCron?.trim() || null,
        schedule_timezone: b.scheduleTimezone ?? null,
        template_override: b.templateOverride ? JSON.stringify(b.templateOverride) : null,
        quiet_hours: b.quietHours ? JSON.stringify(b.quietHours) : null,
        mentions: mentionsValue(b.mentions),
      })),
    );
    const after = (await repo.listBindings(trx, input.notificationType)).map(view);
    await recordAudit(trx, {
      actor,
      action: 'bindings.set',
      entityType: 'bindings',
      entityId: input.notificationType,
      before,
      after,
    });
  });
  await reconcileSchedules(deps);
  return listBindings(deps.db, input.notificationType);
}
