import { describe, expect, it } from 'vitest';
import { groupOf, groupRows, idOf } from '../../src/eval/labeled-records.js';

describe('labeled rows', () => {
  it("reads a row's id under the names files give it, else its line", () => {
    expect(idOf({ ID: 'a7', text: 'x' }, 4)).toBe('a7');
    expect(idOf({ 'Tweet ID': 12345 }, 4)).toBe('12345');
    expect(idOf({ id: ' ', text: 'x' }, 9)).toBe('9');
  });

  it('groups rows by value, the largest group first and "(none)" for an empty value', () => {
    const rows = ['b', 'a', '', 'b', undefined, 'a', 'b'].map((value, i) => ({ i, group: groupOf(value) }));
    expect(groupRows(rows).map(([group, members]) => [group, members.map((m) => m.i)])).toEqual([['b', [0, 3, 6]], ['(none)', [2, 4]], ['a', [1, 5]]]);
  });
});
