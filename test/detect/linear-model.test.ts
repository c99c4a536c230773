import { describe, expect, it } from 'vitest';
import { predict, train, trainAveraged, type Example } from '../../src/detect/linear-model.js';

const ex = (words: string[], label: number): Example => ({ features: new Map(words.map((w) => [`w:${w}`, 1])), label });
const examples = [
  ex(['awful', 'late'], 0), ex(['awful'], 0), ex(['late', 'again'], 0),
  ex(['when', 'open'], 1), ex(['how', 'change'], 1), ex(['when'], 1),
  ex(['great', 'thanks'], 2), ex(['thanks'], 2), ex(['great', 'help'], 2),
];
const options = { epochs: 30, learningRate: 0.3, l2: 1e-4, minCount: 1, balanced: true, seed: 1 };

describe('linear model', () => {
  it('learns a small separable problem', () => {
    const model = train(examples, ['negative', 'neutral', 'positive'], options);
    const best = (words: string[]) => {
      const p = predict(model, new Map(words.map((w) => [`w:${w}`, 1])));
      return p.indexOf(Math.max(...p));
    };
    expect([best(['awful']), best(['when']), best(['thanks'])]).toEqual([0, 1, 2]);
    const p = predict(model, new Map([['w:unseen', 1]]));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('gives the same weights for the same data and seed, and drops rare features', () => {
    expect(train(examples, ['n', 'u', 'p'], options)).toEqual(train(examples, ['n', 'u', 'p'], options));
    const model = train(examples, ['n', 'u', 'p'], { ...options, minCount: 2 });
    expect(Object.keys(model.weights).sort()).toEqual(['w:awful', 'w:great', 'w:late', 'w:thanks', 'w:when']);
  });

  it('averages the weights of one model per seed', () => {
    const labels = ['n', 'u', 'p'];
    const { seed: _, ...rest } = options;
    expect(trainAveraged(examples, labels, rest, [1])).toEqual(train(examples, labels, options));
    const [a, b] = [train(examples, labels, { ...rest, seed: 2 }), train(examples, labels, { ...rest, seed: 3 })];
    expect(a.weights['w:awful']).not.toEqual(b.weights['w:awful']);
    const mean = trainAveraged(examples, labels, rest, [2, 3]);
    expect(Object.keys(mean.weights)).toEqual(Object.keys(a.weights));
    for (const name of Object.keys(a.weights)) {
      mean.weights[name]!.forEach((x, c) => expect(x).toBeCloseTo((a.weights[name]![c]! + b.weights[name]![c]!) / 2, 3));
    }
    mean.bias.forEach((x, c) => expect(x).toBeCloseTo((a.bias[c]! + b.bias[c]!) / 2, 3));
  });
});
