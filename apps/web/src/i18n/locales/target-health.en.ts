import { glossaryEn } from './glossary.en.ts';

/** English text of target health: the Targets page's columns and cards, and the health dot. */
export const targetHealthEn = {
  health: 'Health',
  lastDelivery: 'Last delivery',
  successRate: 'Success (24 h)',
  lastError: 'Last error',
  state: glossaryEn.health,
  stateHint: {
    ok: 'The last delivery or test worked, and deliveries went out in the last 24 hours',
    failing: 'The last delivery or test failed',
    idle: 'Worked last time, but nothing was delivered in the last 24 hours',
    untested: 'Never tested and nothing delivered yet',
  },
  dotLabel: 'Health of {{name}}: {{state}}',
  noDelivery: 'Nothing delivered yet',
  delivered: glossaryEn.statuses.delivered,
  failed: glossaryEn.statuses.failed,
  rateCounts: '{{delivered}} of {{finished}} delivered',
  noRate: 'None in 24 h',
  noError: 'No errors',
  code: 'Code {{code}}',
  failedDeliveries: 'Failed deliveries',
  failedDeliveriesOf: 'Failed deliveries of {{name}}',
  unavailable: 'Health not available',
};
