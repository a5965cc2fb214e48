/** English text of the Overview page. */
export const overviewEn = {
  loadFailed: 'Could not load the overview: {{message}}',
};
