import { describe, expect, it } from 'vitest';
import { createDefaultEngine } from '../../src/detect/engine.js';
import { defaultSettings, lintLibrary } from '../../src/lint/lint-library.js';
import type { CannedResponse } from '../../src/lint/library/response.js';

const engine = createDefaultEngine();
const response = (title: string, text: string, line: number): CannedResponse => ({ title, text, tags: [], file: 'lib.yaml', line });

describe('library-wide checks', () => {
  const library = [
    response('Late parcel', 'We apologize for the inconvenience. Your parcel ships today.', 1),
    response('Late refund', 'We apologize for the inconvenience. Your refund goes out today.', 2),
    response('Late reply', 'We apologize for the inconvenience. We will reply by email today.', 3),
    response('Welcome', 'Thanks for joining! Your account is ready and your first order ships free.', 4),
    response('Welcome again', 'Thanks for joining! Your account is ready and your first order ships free!', 5),
    response('Russian', 'Спасибо за обращение, мы скоро ответим.', 6),
  ];
  const { findings, skipped } = lintLibrary(library, engine, defaultSettings());

  it('reports scripted empathy once, at its first use, naming the others', () => {
    const scripted = findings.filter((f) => f.rule === 'empathy/scripted');
    expect(scripted).toHaveLength(1);
    expect(scripted[0]).toMatchObject({ line: 1, severity: 'info' });
    expect(scripted[0]!.message).toContain('reused in 3 responses (also "Late refund", "Late reply")');
  });

  it('names the earlier response a near-duplicate resembles', () => {
    const dupes = findings.filter((f) => f.rule === 'library/near-duplicate');
    expect(dupes.map((f) => [f.response, f.message.slice(0, 30)])).toEqual([['Welcome again', 'Nearly the same as "Welcome" (']]);
  });

  it('skips responses not in English instead of flagging them', () => {
    expect(skipped.map((s) => [s.response.title, s.reason])).toEqual([['Russian', 'not in English']]);
    expect(findings.some((f) => f.response === 'Russian')).toBe(false);
  });

  it('does not ask for a next step when the apology is followed by one', () => {
    expect(findings.filter((f) => f.rule === 'empathy/apology-without-next-step')).toEqual([]);
  });
});
