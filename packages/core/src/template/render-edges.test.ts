import { describe, expect, it } from 'vitest';
import { text } from '../notifications/types.ts';
import { checkTemplate, renderTemplate } from './render.ts';

const vars = { title: text('Hi'), failure_count: text(5), entries_json: { text: '[1]', json: [1] } };

describe('renderTemplate edges', () => {
  it('allows spaces inside the braces, in both forms', () => {
    expect(
      renderTemplate(
        { a: '{{ title }}!', b: '{{title }}', c: '{{ json:failure_count }}', d: '{{json: entries_json}}' },
        vars,
      ),
    ).toEqual({ a: 'Hi!', b: 'Hi', c: 5, d: [1] });
  });

  it('a {{json:…}} that is not the whole value stays as written; an unknown one is null', () => {
    expect(renderTemplate({ a: '{{json:failure_count}} x', b: 'x {{json:failure_count}}' }, vars)).toEqual({
      a: '{{json:failure_count}} x',
      b: 'x {{json:failure_count}}',
    });
    expect(renderTemplate({ a: '{{json:nope}}' }, vars)).toEqual({ a: null });
    expect(renderTemplate({ a: '{{title}}x}}' }, vars)).toEqual({ a: 'Hix}}' });
    expect(renderTemplate({ a: '{{ti tle}}' }, vars)).toEqual({ a: '{{ti tle}}' });
  });

  it('walks arrays and objects, leaving numbers, booleans and null', () => {
    expect(renderTemplate([{ a: ['{{title}}', 1, true, null] }], vars)).toEqual([{ a: ['Hi', 1, true, null] }]);
    expect(renderTemplate(null, vars)).toBeNull();
    expect(renderTemplate(3, vars)).toBe(3);
  });
});

describe('checkTemplate edges', () => {
  it('reads names with spaces as the renderer does, in both forms', () => {
    expect(checkTemplate({ a: '{{ title }}', b: '{{ json: entries_json }}' })).toEqual([]);
    expect(checkTemplate({ a: '{{ nope }}' })).toEqual([
      {
        path: 'a',
        placeholder: '{{ nope }}',
        problem: 'unknown variable "nope"',
        code: 'template.unknown_variable',
        params: { name: 'nope' },
      },
    ]);
  });

  it('names the path through arrays and nested objects', () => {
    expect(checkTemplate({ a: [['x', '{{nope}}']], b: { c: { d: '{{nope}}' } }, n: 1, t: true, z: null })).toEqual([
      {
        path: 'a[0][1]',
        placeholder: '{{nope}}',
        problem: 'unknown variable "nope"',
        code: 'template.unknown_variable',
        params: { name: 'nope' },
      },
      {
        path: 'b.c.d',
        placeholder: '{{nope}}',
        problem: 'unknown variable "nope"',
        code: 'template.unknown_variable',
        params: { name: 'nope' },
      },
    ]);
  });

  it('refuses anything but an object, with no path or placeholder', () => {
    const problem = [
      {
        path: '',
        placeholder: '',
        problem: 'the template must be a JSON object',
        code: 'template.not_object',
        params: {},
      },
    ];
    for (const t of [null, undefined, 0, 'x', [], [{}]]) expect(checkTemplate(t)).toEqual(problem);
  });
});
