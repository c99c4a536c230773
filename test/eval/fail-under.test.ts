import { describe, expect, it } from 'vitest';
import type { EmpathyEval } from '../../src/eval/eval-empathy.js';
import { floorFigures, parseFloors, underFloors } from '../../src/eval/fail-under.js';

const score = (label: string, f1: number, labeled = 10, support = 3) => ({ label, f1, labeled, support, precision: f1, recall: f1, predicted: support, falsePositiveRate: 0 });
const empathyEval = { file: 'labels.jsonl', n: 10, empathy: score('empathy', 0.7999999), temper: score('temper', 0, 10, 0), categories: [score('apology', 0.95), score('validation', 0.5, 0, 0)] } as unknown as EmpathyEval;

describe('--fail-under', () => {
  it('reads name=value floors', () => {
    expect([...parseFloors('Empathy=0.9, macro-f1=.7')]).toEqual([['empathy', 0.9], ['macro-f1', 0.7]]);
    expect(() => parseFloors('empathy')).toThrow(/not name=value/);
    expect(() => parseFloors(',')).toThrow(/name at least one figure/);
  });

  it('offers only the figures the file gives, and compares them as shown, to three decimals', () => {
    // Temper has no human example and validation is not labeled: neither can be checked.
    expect([...floorFigures(empathyEval).keys()]).toEqual(['empathy', 'apology']);
    expect(underFloors(empathyEval, parseFloors('empathy=0.8,apology=0.96'))).toEqual(['apology F1 0.950 is under 0.960']);
    expect(() => underFloors(empathyEval, parseFloors('temper=0.5'))).toThrow("labels.jsonl gives no 'temper' to check; it gives empathy, apology.");
  });
});
