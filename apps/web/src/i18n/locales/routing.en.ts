/** English text of the Notifications page's routing grid, unsaved-changes bar and leave guard. */
export const routingEn = {
  gridTitle: 'Routing',
  gridDescription: 'Which target receives which notification. Pick a type to edit its settings and bindings.',
  target: 'Target',
  route: 'Send {{type}} to {{target}}',
  editType: 'Edit {{type}}',
  selected: 'Editing',
  noTargets: 'No targets yet: add one on the Targets page.',
  legacyNote: 'Legacy mode sends each type to its one webhook URL; switch to multi-target mode to route to targets.',
  unsaved: 'Unsaved changes',
  unsavedCount_one: '{{count}} unsaved change',
  unsavedCount_other: '{{count}} unsaved changes',
  discard: 'Discard',
  leaveTitle: 'Leave without saving?',
  leaveBody: 'Your changes on this page have not been saved and will be lost.',
  stay: 'Stay on this page',
  leave: 'Leave and discard',
};
