/** English text of the legacy URL test (Notifications page, legacy mode). */
export const legacyTestEn = {
  button: 'Test',
  buttonLabel: 'Test {{type}}',
  hint: 'Sends a sample message to the URL as typed, without saving it.',
  empty: 'Enter a URL to test: the stored URL is never sent back to the browser.',
  resultLabel: 'Test of {{type}}',
  platform: 'Detected platform:',
  failed: 'Could not run the test: {{message}}',
};
