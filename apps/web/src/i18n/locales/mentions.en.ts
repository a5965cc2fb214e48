/** English text of a binding's mentions (the Notifications page's binding editor). */
export const mentionsEn = {
  people: 'Mention',
  peoplePlaceholder: 'Type and press Enter',
  examples: 'Who the message notifies. For example: {{examples}}',
  levels: 'Only for levels',
  levelsPlaceholder: 'Every level',
  level: { info: 'Info', warning: 'Warning', error: 'Error' },
  wechatNote:
    'WeCom markdown can’t mention anyone: with mentions the message goes out as plain text (at most 2048 bytes), naming user ids in mentioned_list and mobile numbers in mentioned_mobile_list.',
  dingtalkNote:
    'Each person is also written as @… at the end of the message: DingTalk pings only people named in both places.',
  feishuNote: 'A custom bot mentions people by open_id (ou_…) or user_id; all mentions everyone.',
  telegramNote: 'An @username, or a numeric user id (optionally followed by the name to show) for people without one.',
  previewTitle: 'Preview with mentions',
  previewNobody: 'This sample is a {{level}} message: with these levels it mentions nobody.',
};
