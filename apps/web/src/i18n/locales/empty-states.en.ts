/** English text of the empty states' actions (what fills an empty list) and of the webhook URL rule. */
export const emptyStatesEn = {
  noMatchTitle: 'Nothing matches',
  targets: { action: 'Add your first target' },
  apiKeys: { action: 'Create your first key' },
  silences: { action: 'Create a silence' },
  deliveries: {
    toTargets: 'Send a test from Targets',
    toNotifications: 'Route notifications',
    showAll: 'Show all deliveries',
  },
  routing: {
    addTarget: 'Add a target',
    howToBind: 'Switch it on in the routing grid, or choose a target below.',
  },
  overview: { connectHub: 'Connect your hub with an API key' },
  urlRule:
    'Addresses of {{platforms}} must start with https://; any other address (a service on this machine or your network) may also use http://.',
};
