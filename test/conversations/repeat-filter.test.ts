// What an export holds twice is read once, and what was dropped is counted by its records and lines.
import { describe, expect, it } from 'vitest';
import { REPEAT_MESSAGE_NOTE, REPEAT_MESSAGE_REASON, REPEAT_REASON, RepeatFilter } from '../../src/conversations/repeat-filter.js';
import { Accounting, type Turn } from '../../src/conversations/turn.js';

const turn = (conversation: string, role: 'customer' | 'agent', text: string, line: number, more: Partial<Turn> = {}): Turn => ({
  conversation, role, agent: role === 'agent' ? 'Ann' : null, text, time: null, team: null, channel: null, file: 'x.csv', line, ...more,
});
const thread = (id: string, line: number, file = 'x.csv'): Turn[] => [
  turn(id, 'customer', 'My bag never arrived.', line, { file }),
  turn(id, 'agent', 'Sorry, I have traced it.', line, { file }),
];

describe('RepeatFilter', () => {
  it('keeps the first of two conversations with the same id and turns, wherever the second was read, and counts the second by its records', () => {
    const acc = new Accounting();
    const filter = new RepeatFilter(acc);
    const kept = filter.keep([thread('1', 2), thread('2', 3), thread('1', 9)]);
    expect(kept.map((t) => t[0]!.line)).toEqual([2, 3]);
    expect(filter.keep([thread('1', 4, 'y.csv')])).toEqual([]);
    expect([...acc.skipped]).toEqual([[REPEAT_REASON, 2]]);
    expect(acc.skippedAt.get(REPEAT_REASON)).toBe('x.csv:9');
  });

  it('keeps conversations that differ in id, speaker, agent, time, channel or one word', () => {
    const acc = new Accounting();
    const base = thread('1', 2);
    const variants = [
      thread('2', 3),
      [base[0]!, { ...base[1]!, role: 'customer' as const, agent: null }],
      [base[0]!, { ...base[1]!, agent: 'Bo' }],
      [{ ...base[0]!, time: 1000 }, base[1]!],
      [base[0]!, { ...base[1]!, channel: 'email' }],
      [base[0]!, { ...base[1]!, text: 'Sorry, I have traced it!' }],
    ];
    expect(new RepeatFilter(acc).keep([base, ...variants])).toHaveLength(7);
    expect(acc.skipped.size).toBe(0);
  });

  it('drops a message that repeats an earlier one at the same time, but keeps a repeat without a time', () => {
    const acc = new Accounting();
    const at = { time: Date.UTC(2026, 9, 1, 9, 5) };
    const conversation = [
      turn('7', 'customer', 'Hello?', 2),
      turn('7', 'customer', 'Hello?', 3),
      turn('7', 'agent', 'Hi! Sorry for the wait.', 4, at),
      turn('7', 'agent', 'Hi! Sorry for the wait.', 5, at),
      turn('7', 'agent', 'Hi! Sorry for the wait.', 6, { time: at.time + 60_000 }),
    ];
    const [kept] = new RepeatFilter(acc).keep([conversation]);
    expect(kept!.map((t) => t.line)).toEqual([2, 3, 4, 6]);
    expect([...acc.skipped]).toEqual([[REPEAT_MESSAGE_REASON, 1]]);
    expect(acc.skippedAt.get(REPEAT_MESSAGE_REASON)).toBe('x.csv:5');
  });

  it('notes, rather than skips, a message repeated inside a record whose other turns are read', () => {
    const acc = new Accounting();
    const at = { time: 5000 };
    const ticket = [turn('9', 'customer', 'It broke.', 2, at), turn('9', 'agent', 'Sending a new one.', 2, { time: 6000 }), turn('9', 'agent', 'Sending a new one.', 2, { time: 6000 })];
    expect(new RepeatFilter(acc).keep([ticket])[0]).toHaveLength(2);
    expect(acc.skipped.size).toBe(0);
    expect([...acc.notes]).toEqual([[REPEAT_MESSAGE_NOTE, 1]]);
  });

  it('keeps a conversation that says the same twice without times (a customer asks again, the agent answers again)', () => {
    const acc = new Accounting();
    const once = [turn('5', 'customer', 'Where is my refund?', 2), turn('5', 'agent', 'Five days.', 3)];
    const [kept] = new RepeatFilter(acc).keep([[...once, ...once.map((t) => ({ ...t, line: t.line + 2 }))]]);
    expect(kept).toHaveLength(4);
    expect(acc.skipped.size).toBe(0);
  });

  it('finds a repeat among the last conversations it remembers, in two generations, and no further back', () => {
    const acc = new Accounting();
    const filter = new RepeatFilter(acc, 2);
    const ids = ['1', '2', '3', '4', '5', '1', '4', '2'];
    const kept = ids.map((id, i) => filter.keep([thread(id, i + 2)]).length);
    // 1 and 2 are in the generation dropped when 5 starts a new one; 4 is still remembered.
    expect(kept).toEqual([1, 1, 1, 1, 1, 1, 0, 1]);
    expect(acc.skipped.get(REPEAT_REASON)).toBe(1);
  });
});
