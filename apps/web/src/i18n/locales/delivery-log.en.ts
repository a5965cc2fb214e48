/** English text of the delivery log's grouping and error hints. */
export const deliveryLogEn = {
  sentTo_one: 'to {{count}} target',
  sentTo_other: 'to {{count}} targets',
  hintTitle: 'What it means',
  hintAction: 'What to do',
  hintCode: 'Code {{code}}',
  editTarget: 'Edit target',
  editTargetNamed: 'Edit the target “{{name}}”',
};
