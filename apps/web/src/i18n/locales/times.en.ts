/** English words for moments: relative times and the exact time beside them. */
export const timesEn = {
  justNow: 'just now',
  inAMoment: 'in a moment',
  /** The exact date and time with the zone it is in (tooltip, screen readers). */
  exact: '{{time}} ({{zone}})',
  /** What a screen reader hears after the relative time. */
  spokenExact: ', {{exact}}',
};
