import { describe, expect, it } from 'vitest';
import { AuditAggregator } from '../../src/aggregate/audit-aggregator.js';
import { buildReport } from '../../src/aggregate/build-report.js';
import type { ScoredTurn } from '../../src/aggregate/scored-turn.js';
import type { Finding, SentimentLabel } from '../../src/detect/detector.js';

let index = 0;
function customer(conversation: string, score: number, excerpt = 'customer words'): ScoredTurn {
  const label: SentimentLabel = score <= -0.05 ? 'negative' : score >= 0.05 ? 'positive' : 'neutral';
  return { conversation, index: index++, role: 'customer', agent: null, group: '', team: null, channel: null, time: null, file: 'f', line: 1, excerpt, sentiment: { score, label }, findings: [] };
}
function agent(conversation: string, name: string | null, categories: string[] = [], excerpt = 'agent words'): ScoredTurn {
  const findings: Finding[] = categories.map((category) => ({
    rule: `x/${category}`,
    category,
    kind: ['blame', 'dismissal', 'shouting'].includes(category) ? 'temper' : ['gratitude'].includes(category) ? 'courtesy' : 'empathy',
    match: category,
    message: '',
  }));
  return { conversation, index: index++, role: 'agent', agent: name, group: name ?? '', team: null, channel: null, time: null, file: 'f', line: 1, excerpt, sentiment: null, findings };
}

function report(conversations: ScoredTurn[][]) {
  const aggregator = new AuditAggregator();
  for (const turns of conversations) aggregator.addConversation(turns);
  return buildReport(aggregator, { records: 0, skipped: {}, notes: {} });
}

describe('per-agent report', () => {
  const r = report([
    [customer('c1', -0.6), agent('c1', 'Ann', ['apology']), customer('c1', 0.5)],
    [customer('c2', -0.4), customer('c2', -0.5), agent('c2', 'Bo', ['gratitude']), customer('c2', -0.7, 'still broken')],
    [customer('c3', 0.2), agent('c3', 'Bo', ['blame'], 'you should have read it'), agent('c3', 'Ann')],
    [customer('c4', -0.2)],
  ]);
  const ann = r.agents.find((a) => a.agent === 'Ann')!;
  const bo = r.agents.find((a) => a.agent === 'Bo')!;

  it('counts conversations per agent and once for the team', () => {
    expect([ann.conversations, bo.conversations, r.team.conversations]).toEqual([2, 2, 4]);
    expect(r.agents.map((a) => a.agent)).toEqual(['Ann', 'Bo']);
  });

  it('measures empathy over agent turns and empathy when needed over upset customer turns answered', () => {
    expect(ann.empathy).toMatchObject({ count: 1, of: 2, rate: 0.5 });
    expect(ann.empathyWhenNeeded).toEqual({ count: 1, of: 1, rate: 1 });
    // Two upset turns before Bo's one reply: both were waiting for it, neither met.
    expect(bo.empathyWhenNeeded).toEqual({ count: 0, of: 2, rate: 0 });
    expect(r.team.empathyWhenNeeded).toEqual({ count: 1, of: 3, rate: 0.3333 });
    expect(bo.courtesy.byCategory.gratitude).toEqual({ count: 1, of: 2, rate: 0.5 });
  });

  it('counts a hostile customer turn the model reads as neutral as one that needed empathy, but not capitals alone', () => {
    const hostile = (conversation: string, category: string, score: number): ScoredTurn => ({
      ...customer(conversation, score, 'hostile words'),
      findings: [{ rule: `temper/${category}`, kind: 'temper', category, match: 'x', message: '' }],
    });
    const h = report([
      [hostile('h1', 'profanity', 0), agent('h1', 'Cy')],
      [hostile('h2', 'shouting', 0), agent('h2', 'Cy')],
      [hostile('h3', 'profanity', 0.6), agent('h3', 'Cy')],
      [hostile('h4', 'blame', 0), agent('h4', 'Cy', ['apology'])],
    ]);
    expect(h.agents.find((a) => a.agent === 'Cy')!.empathyWhenNeeded).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(h.agents.find((a) => a.agent === 'Cy')!.coaching.map((c) => c.conversation)).toEqual(['h1']);
  });

  it('counts temper incidents by category', () => {
    expect(bo.temper).toMatchObject({ incidents: 1, count: 1, of: 2 });
    expect(bo.temper.byCategory.blame!.count).toBe(1);
    expect(ann.temper.incidents).toBe(0);
  });

  it('tracks customer sentiment from first to last turn, ending negative and recovered', () => {
    expect(ann.sentiment).toMatchObject({ conversations: 2, start: -0.2, end: 0.35, change: 0.55 });
    expect(ann.sentiment.recovered).toEqual({ count: 1, of: 1, rate: 1 });
    expect(bo.sentiment.endNegative).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(r.team.sentiment.conversations).toBe(4);
    expect(r.team.sentiment.recovered).toEqual({ count: 1, of: 3, rate: 0.3333 });
  });

  it('queues the conversations worth coaching with quoted evidence, one item per conversation', () => {
    expect(bo.coaching.map((c) => [c.conversation, c.reason, c.reasons])).toEqual([
      ['c3', 'temper', ['temper']],
      ['c2', 'no-empathy-when-needed', ['no-empathy-when-needed']],
    ]);
    expect(bo.coaching[0]).toMatchObject({ agent: 'you should have read it', rules: ['x/blame'], match: 'blame' });
    expect(ann.coaching).toEqual([]);
  });

  it('names agent turns without an agent as unknown', () => {
    const r2 = report([[customer('c', 0), agent('c', null)]]);
    expect(r2.agents.map((a) => a.agent)).toEqual(['(unknown agent)']);
  });
});
