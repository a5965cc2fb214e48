/** English text of message previews (target dialog, binding editor, delivery drawer). */
export const messagePreviewEn = {
  title: 'What the message will look like',
  type: 'Sample notification',
  language: 'Message language: {{language}}',
  view: 'Preview view',
  asShown: 'As shown',
  json: 'Request body (JSON)',
  truncated: 'Shortened to fit the platform’s limit.',
  failed: 'The preview cannot be rendered: {{message}}',
  subject: 'Subject',
  emailBody: 'Email body',
  priority: 'Priority {{priority}}',
};
