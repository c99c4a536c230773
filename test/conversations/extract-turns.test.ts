import { describe, expect, it } from 'vitest';
import { TurnExtractor } from '../../src/conversations/extract-turns.js';
import { ConversationGrouper, orderTurns } from '../../src/conversations/group-conversations.js';
import { Accounting, type Turn } from '../../src/conversations/turn.js';

const record = (fields: Record<string, unknown>, line = 2) => ({ file: 'f.json', line, fields });

describe('TurnExtractor', () => {
  it('reads one record per turn, with the agent only on agent turns', () => {
    const acc = new Accounting();
    const x = new TurnExtractor('f.json', { overrides: {} }, acc);
    const a = x.extract(record({ ticket_id: 7, sender_type: 'end-user', author: 'Ann', body: ' Hi ' }));
    const b = x.extract(record({ ticket_id: 7, sender_type: 'agent', author: 'Bo', body: 'Hello' }, 3));
    expect(a.turns[0]).toMatchObject({ conversation: '7', role: 'customer', agent: null, text: 'Hi', line: 2 });
    expect(b.turns[0]).toMatchObject({ role: 'agent', agent: 'Bo', line: 3 });
    expect(a.complete).toBe(false);
  });

  it('notes conversation ids in scientific notation, as a CSV saved again by Excel holds them, once per conversation', () => {
    const acc = new Accounting();
    const x = new TurnExtractor('f.csv', { overrides: {} }, acc);
    const rows = [['1.23457E+17', 'customer'], ['1.23457E+17', 'agent'], ['4.5E+11', 'customer'], ['98765', 'customer'], ['C-1E+5', 'agent']];
    rows.forEach(([id, role], i) => x.extract({ file: 'f.csv', line: i + 2, fields: { conversation_id: id, role, text: 'Hello' } }));
    expect([...acc.notes]).toEqual([['conversation ids in scientific notation, as Excel writes long numbers (first "1.23457E+17" at f.csv:2): the digits it dropped may join different conversations into one; save the id column as text', 2]]);
  });

  it('notes dates read month first in a file that also holds dates only day first reads, once', () => {
    const acc = new Accounting();
    const x = new TurnExtractor('f.csv', { overrides: {} }, acc);
    const times = ['2026-12-01 09:00', '03/12/2026 09:00', '03/12/2026 09:05', '31/12/2026 10:00', '04/12/2026 10:00'];
    times.forEach((time, i) => x.extract({ file: 'f.csv', line: i + 2, fields: { conversation_id: 'c1', role: 'customer', text: 'Hello', created_at: time } }));
    expect([...acc.notes]).toEqual([['dates that read either day or month first were read month first (first "03/12/2026 09:00" at f.csv:3), but the file also holds dates only day first reads (first "31/12/2026 10:00" at f.csv:5): if all its dates are day first, those are a month off, and turns may be out of order', 1]]);
  });

  it('reads one record per conversation with nested turns and a conversation-level agent', () => {
    const x = new TurnExtractor('f.json', { overrides: {} }, new Accounting());
    const { turns, complete } = x.extract(record({ id: 'c9', assignee: 'Cy', messages: [{ role: 'user', text: 'help' }, { role: 'agent', text: 'sure' }] }));
    expect(complete).toBe(true);
    expect(turns.map((t) => [t.conversation, t.role, t.agent])).toEqual([['c9', 'customer', null], ['c9', 'agent', 'Cy']]);
  });

  it('names an agent from an author object, as Front and other APIs write it', () => {
    const x = new TurnExtractor('f.json', { overrides: {} }, new Accounting());
    const turn = (author: unknown) => x.extract(record({ conversation_id: 'c1', is_inbound: false, author, text: 'Refunded.' })).turns[0]!.agent;
    expect(turn({ first_name: 'Lee', last_name: 'Park', email: 'lee@shop.co' })).toBe('Lee Park');
    expect(turn({ name: 'Ana Ruiz', id: 4 })).toBe('Ana Ruiz');
    expect(turn({ email: 'sam@shop.co', id: 5 })).toBe('sam@shop.co');
    expect(turn({ id: 6 })).toBe('6');
    expect(turn({})).toBeNull();
  });

  it('reads nested messages flagged from_agent, naming agents from the sender object (Gorgias)', () => {
    const x = new TurnExtractor('f.json', { overrides: {} }, new Accounting());
    const messages = [
      { from_agent: false, sender: { name: 'Bob Li' }, body_text: 'Where is my parcel?' },
      { from_agent: true, sender: { name: 'Ana Ruiz', email: 'ana@shop.co' }, body_text: 'Reshipped today.' },
    ];
    const { turns } = x.extract(record({ id: 501, messages }));
    expect(turns.map((t) => [t.role, t.agent])).toEqual([['customer', null], ['agent', 'Ana Ruiz']]);
    expect(x.describe()).toContain("role from 'from_agent', agent from 'sender'");
  });

  it('takes an author object that states its role as the role field when none is named, and names the agent from it', () => {
    const x = new TurnExtractor('f.json', { overrides: {} }, new Accounting());
    const messages = [{ author: { type: 'user', name: 'Kim' }, body: 'It crashes.' }, { author: { type: 'admin', name: 'Priya Shah' }, body: 'Fixing it today.' }];
    const { turns } = x.extract(record({ id: 'c1', messages }));
    expect(turns.map((t) => [t.role, t.agent])).toEqual([['customer', null], ['agent', 'Priya Shah']]);
    // Named with --map, the same field gives the role and the agent.
    const y = new TurnExtractor('f.json', { overrides: { role: 'author' } }, new Accounting());
    expect(y.extract(record({ id: 'c1', messages })).turns.map((t) => t.agent)).toEqual([null, 'Priya Shah']);
  });

  it('counts empty text as skipped and unknown roles as other', () => {
    const acc = new Accounting();
    const x = new TurnExtractor('f.json', { overrides: {} }, acc);
    x.extract(record({ conversation_id: 1, role: 'customer', text: '' }));
    const odd = x.extract(record({ conversation_id: 1, role: 'wizard', text: 'hm' }));
    expect(odd.turns[0]!.role).toBe('other');
    expect(Object.fromEntries(acc.skipped)).toEqual({ 'empty text': 1 });
    expect([...acc.notes.keys()][0]).toMatch(/unknown role "wizard"/);
  });

  it('stops with the fields found when the role cannot be found', () => {
    const x = new TurnExtractor('f.json', { overrides: {} }, new Accounting());
    expect(() => x.extract(record({ conversation_id: 1, text: 'hi', who: 'me' }))).toThrowError(/f\.json: cannot tell which field holds the role\. Fields found: conversation_id, text, who\./);
  });

  it('uses --assume-role when the export has no role field', () => {
    const x = new TurnExtractor('f.json', { overrides: { conversation: 'id' }, assumeRole: 'customer' }, new Accounting());
    expect(x.extract(record({ id: 'a1', text: 'late again' })).turns[0]!.role).toBe('customer');
  });
});

describe('grouping', () => {
  const turn = (conversation: string, time: number | null, text: string): Turn => ({ conversation, role: 'customer', agent: null, text, time, file: 'f', line: 1 });

  it('orders a conversation by time when every turn has one, else keeps file order', () => {
    expect(orderTurns([turn('a', 3, 'x'), turn('a', 1, 'y')]).map((t) => t.text)).toEqual(['y', 'x']);
    expect(orderTurns([turn('a', 3, 'x'), turn('a', null, 'y')]).map((t) => t.text)).toEqual(['x', 'y']);
  });

  it('keeps memory bounded and counts a conversation that comes back after closing', () => {
    const closed: string[] = [];
    const acc = new Accounting();
    const grouper = new ConversationGrouper<Turn>((id, turns) => closed.push(`${id}:${turns.length}`), acc, 2);
    for (const id of ['a', 'a', 'b', 'c', 'a']) grouper.add(turn(id, null, id));
    grouper.closeAll();
    expect(closed).toEqual(['a:2', 'b:1', 'c:1', 'a:1']);
    expect(acc.notes.size).toBe(1);
  });

});
