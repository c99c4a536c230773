import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/detect/detector.js';
import { DisputedFindings } from '../../src/eval/disputed-findings.js';

const phrase = (category: string, match: string, kind: Finding['kind'] = 'empathy'): Finding => ({ rule: `${kind}/${category}`, kind, category, match, message: '' });
const learned = (category: string, match: string): Finding => ({ rule: 'empathy/learned', kind: 'empathy', category, match, message: '', confidence: 0.9 });
const labels = (given: Record<string, boolean>) => (label: string) => given[label];
const all = () => true;

describe('DisputedFindings', () => {
  it('counts each phrase once a message, by its words in lower case, against the label it claims', () => {
    const d = new DisputedFindings();
    d.add([phrase('reassurance', 'We promise'), phrase('reassurance', 'we  promise')], labels({ reassurance: false }));
    d.add([phrase('reassurance', 'we promise')], labels({ reassurance: true }));
    d.add([phrase('blame', 'as I already told you', 'temper')], labels({ temper: false }));
    expect(d.worst(all)).toEqual([
      { rule: 'empathy/reassurance', category: 'reassurance', label: 'reassurance', match: 'we promise', found: 2, disputed: 1 },
      { rule: 'temper/blame', category: 'blame', label: 'temper', match: 'as i already told you', found: 1, disputed: 1 },
    ]);
  });

  it('counts the learned model by category, since it quotes whole sentences', () => {
    const d = new DisputedFindings();
    d.add([learned('validation', 'We want you to be comfortable.')], labels({ validation: false }));
    d.add([learned('validation', 'Your comfort matters.')], labels({ validation: false }));
    expect(d.worst(all)).toEqual([{ rule: 'empathy/learned', category: 'validation', label: 'validation', match: '', found: 2, disputed: 2 }]);
  });

  it('skips labels the humans did not give, lists only disputed findings of the labels asked for, most disputed first', () => {
    const d = new DisputedFindings();
    d.add([phrase('gratitude', 'thanks', 'courtesy')], labels({}));
    d.add([phrase('apology', 'sorry'), phrase('validation', 'you are right')], labels({ apology: true, validation: false }));
    d.add([phrase('apology', 'sorry'), phrase('acknowledgement', 'I hear you')], labels({ apology: false, acknowledgement: false }));
    d.add([phrase('acknowledgement', 'I hear you')], labels({ acknowledgement: false }));
    expect(d.worst(all).map((x) => [x.match, x.disputed, x.found])).toEqual([['i hear you', 2, 2], ['sorry', 1, 2], ['you are right', 1, 1]]);
    expect(d.worst((label) => label !== 'acknowledgement').map((x) => x.match)).toEqual(['sorry', 'you are right']);
    expect(d.worst(all, 1)).toHaveLength(1);
  });
});
