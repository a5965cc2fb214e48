import { CreateSilenceInput, ListSilencesInput, SilenceIdInput, SilenceView } from '@herald/core';
import { z } from 'zod';
import { createSilence, endSilence, listSilences } from '../../services/silences.ts';
import { adminProcedure, router } from '../trpc.ts';

export const silencesRouter = router({
  /** Silences in force (and, with includeEnded, past ones), newest first, with what each held back. */
  list: adminProcedure
    .input(ListSilencesInput)
    .output(z.array(SilenceView))
    .query(({ ctx, input }) => listSilences(ctx.deps, input)),

  create: adminProcedure
    .input(CreateSilenceInput)
    .output(SilenceView)
    .mutation(async ({ ctx, input }) => {
      const created = await createSilence(ctx.deps, input, ctx.actor);
      ctx.deps.logger.info(
        { action: 'silence_created', silenceId: created.id, matcher: created.matcher, endsAt: created.endsAt },
        'silence created',
      );
      return created;
    }),

  /** Ends a silence early. */
  end: adminProcedure
    .input(SilenceIdInput)
    .output(SilenceView)
    .mutation(async ({ ctx, input }) => {
      const ended = await endSilence(ctx.deps, input.id, ctx.actor);
      ctx.deps.logger.info({ action: 'silence_ended', silenceId: ended.id }, 'silence ended early');
      return ended;
    }),
});
