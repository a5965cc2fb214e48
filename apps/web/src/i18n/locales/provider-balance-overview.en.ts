/** English text of the Overview's provider balance panel. */
export const providerBalanceOverviewEn = {
  title: 'Provider balances',
  description: 'Upstream accounts as the hub last reported them, the lowest against its threshold first.',
  empty: 'No balance reported yet. Hubs report them with hub.reportProviderBalance.',
  threshold: 'Threshold {{amount}}',
  noThreshold: 'No threshold',
  reportedAt: 'Reported <at/>',
  levels: {
    ok: 'OK',
    none: 'Not alerted',
    low: 'Low',
    part: 'Under {{percent}}',
    zero: 'Used up',
  },
};
