import {
  CreateTargetInput,
  DeletedTarget,
  TargetHealth,
  TargetIdInput,
  TargetPaceView,
  TestResult,
  TestTargetInput,
  UpdateTargetInput,
} from '@herald/core';
import { z } from 'zod';
import { testTarget } from '../../services/connectivity-test.ts';
import { listTargetHealth } from '../../services/target-health.ts';
import { targetPaces } from '../../services/target-pace.ts';
import { createTarget, deleteTarget, getTarget, listTargets, updateTarget } from '../../services/targets.ts';
import { adminProcedure, router } from '../trpc.ts';

export const targetsRouter = router({
  list: adminProcedure.query(({ ctx }) => listTargets(ctx.deps)),
  /** Each target's pace and backlog (and each legacy URL's). */
  paces: adminProcedure.output(z.array(TargetPaceView)).query(({ ctx }) => targetPaces(ctx.deps)),
  /** Each target's last delivery, 24 h success rate, last failure and health state. */
  health: adminProcedure.output(z.array(TargetHealth)).query(({ ctx }) => listTargetHealth(ctx.deps)),
  get: adminProcedure.input(TargetIdInput).query(({ ctx, input }) => getTarget(ctx.deps, input.id)),
  create: adminProcedure
    .input(CreateTargetInput)
    .mutation(({ ctx, input }) => createTarget(ctx.deps, input, ctx.actor)),
  update: adminProcedure
    .input(UpdateTargetInput)
    .mutation(({ ctx, input }) => updateTarget(ctx.deps, input, ctx.actor)),
  delete: adminProcedure
    .input(TargetIdInput)
    .output(DeletedTarget)
    .mutation(({ ctx, input }) => deleteTarget(ctx.deps, input.id, ctx.actor)),
  test: adminProcedure
    .input(TestTargetInput)
    .output(TestResult)
    .mutation(({ ctx, input }) => testTarget(ctx.deps, input.id, input.notificationType)),
});
