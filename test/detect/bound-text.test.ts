// The bounded part of a turn that is read: long words and long texts are cut, with a note each.
import { describe, expect, it } from 'vitest';
import { boundText, MAX_TEXT, MAX_WORD } from '../../src/detect/bound-text.js';

describe('boundText', () => {
  it('reads ordinary turns whole, links included', () => {
    const text = `Here is the form: https://example.com/${'a'.repeat(200)}?id=1 ${'word '.repeat(100)}`;
    expect(boundText(text)).toEqual({ text, cuts: [] });
    expect(boundText('Thanks!')).toEqual({ text: 'Thanks!', cuts: [] });
  });

  it('reads a word longer than the bound as its two ends, and says so', () => {
    const blob = `data:image/png;base64,${'QUJD'.repeat(50_000)}`;
    const { text, cuts } = boundText(`My screenshot ${blob} shows the error.`);
    expect(text).toBe(`My screenshot ${blob.slice(0, MAX_WORD / 2)}…${blob.slice(-MAX_WORD / 2)} shows the error.`);
    expect(cuts).toEqual([`word longer than ${MAX_WORD} characters (an encoded file or a pasted log?): only its two ends read`]);
    // What is stuck to the end of a long word is still read.
    expect(boundText(`¡${'ha'.repeat(200)}!`).text.endsWith('haha!')).toBe(true);
  });

  it('cuts a 30 MB word without running out of stack, and never between the halves of an emoji', () => {
    const { text, cuts } = boundText(`see ${'x'.repeat(30 * 1024 * 1024)} now`);
    expect(text).toBe(`see ${'x'.repeat(MAX_WORD / 2)}…${'x'.repeat(MAX_WORD / 2)} now`);
    expect(cuts).toHaveLength(1);
    const emoji = boundText('😀'.repeat(200)).text;
    expect(emoji).toBe(`${'😀'.repeat(MAX_WORD / 4)}…${'😀'.repeat(MAX_WORD / 4)}`);
    expect(boundText(`${'a'.repeat(MAX_WORD / 2 - 1)}${'😀'.repeat(100)}`).text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it('reads a text longer than the bound up to the last space before it, and says so', () => {
    const { text, cuts } = boundText('lorem ipsum '.repeat(10_000));
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT + 2);
    expect(text.length).toBeGreaterThan(MAX_TEXT - 20);
    expect(text.endsWith('ipsum …') || text.endsWith('lorem …')).toBe(true);
    expect(cuts).toEqual([`turn longer than ${MAX_TEXT.toLocaleString('en')} characters: the rest not read`]);
  });
});
