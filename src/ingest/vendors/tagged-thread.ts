// Tagged threads: one conversation per row, turns wrapped as <cust__ … __cust> and <rep__ … __rep>
// (the airline-threads layout). Rep turns are agents, named by their sign-off initials.
import { CONTINUED, splitSignOff } from '../../conversations/evidence-text.js';
import type { SourceRecord } from '../source-record.js';
import { conversationRecord, inheritSignatures, type NormalTurn } from './normal-record.js';
import type { ReaderContext, ReaderResult } from './vendor-reader.js';

const TURN = /<(cust|rep)__([\s\S]*?)__(cust|rep)>/g;

export function hasTaggedTurns(text: string): boolean {
  return /<(?:cust|rep)__[\s\S]*?__(?:cust|rep)>/.test(text);
}

export function readTaggedThreads(records: AsyncGenerator<SourceRecord>, ctx: ReaderContext): ReaderResult {
  let repTurns = 0;
  let signed = 0;
  async function* run(): AsyncGenerator<SourceRecord> {
    for await (const { fields, line, file } of records) {
      const values = Object.values(fields).map((v) => String(v ?? ''));
      const turns: NormalTurn[] = [];
      for (const value of values) {
        for (const match of value.matchAll(TURN)) {
              const text = match[2]!.replace(/__[a-z]+__/g, ' ').replace(/\s+/g, ' ').trim();
          if (match[1] === 'cust') {
            turns.push({ role: 'customer', agent: null, text, created_at: null, line });
            continue;
          }
          const { text: body, signature } = splitSignOff(text);
          repTurns += 1;
          if (signature) signed += 1;
          turns.push({ role: 'agent', agent: signature, text: body, created_at: null, line });
        }
      }
      signed += inheritSignatures(turns, CONTINUED);
      if (turns.length === 0) {
        ctx.skip('row without <cust__ … __cust> or <rep__ … __rep> turns', 1, `${file}:${line}`);
        continue;
      }
      const id = values.find((v) => /^\w[\w-]*$/.test(v.trim()))?.trim() ?? `${file}:${line}`;
      yield conversationRecord(file, line, { conversation_id: id, channel: 'twitter', turns });
    }
  }
  return {
    records: run(),
    decided: () => `<rep__ … __rep> turns are agents; ${signed} of ${repTurns} named by sign-off initials, the rest counted as an unknown agent`,
  };
}
