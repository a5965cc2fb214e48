/** English text of the provider balance alert's card on the Notifications page. */
export const providerBalanceCardEn = {
  rule: 'Alerts once when a provider’s balance falls under its threshold, once more at each lower level, and once when it is topped up to the threshold again. Hubs report balances with hub.reportProviderBalance.',
  defaultThreshold: 'Default low-balance threshold',
  defaultThresholdDescription:
    'In each provider’s own currency. A provider that reports its own threshold uses that one. Empty: only those providers are alerted.',
  noDefault: 'None',
  levels: 'Lower levels (% of the threshold)',
  levelsDescription:
    'Highest first, e.g. “50, 0”: half the threshold, then an empty account. Up to 5; empty for the threshold alone.',
  levelsProblems: {
    notANumber: 'Type percentages separated by commas, e.g. 50, 0.',
    outOfRange: 'Each level is 0 or more and below 100 (100 % is the threshold itself).',
    notDescending: 'Each level must be lower than the one before it.',
    tooMany: 'At most 5 levels.',
  },
};
