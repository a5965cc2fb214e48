// Stryker ignorer: string values that only document something for people (a template
// variable's `description` and `example`, shown in the dashboard's placeholder help) are not
// behaviour, so mutating them measures nothing. Everything else, including message text and
// error messages, stays mutated.
const DOC_KEYS = new Set(['description', 'example']);

function keyName(node) {
  if (node.key?.type === 'Identifier') return node.key.name;
  if (node.key?.type === 'StringLiteral') return node.key.value;
  return undefined;
}

export const strykerPlugins = [
  {
    kind: 'Ignore',
    name: 'description',
    value: {
      shouldIgnore(path) {
        const n = path.node;
        if (n.type === 'ObjectProperty' && !n.computed && DOC_KEYS.has(keyName(n))) {
          return `documentation text (${keyName(n)}) for people, not behaviour`;
        }
        return undefined;
      },
    },
  },
];
