// Intercom: conversations with a source message and conversation_parts. author.type user, lead or
// contact is the customer; admin is an agent; bot is other. Notes are counted, not scored; assignment,
// open, close and snooze events are not turns.
import { list, obj, str, type Json } from './json-access.js';
import type { NormalConversation, NormalTurn } from './normal-record.js';
import type { ReaderContext } from './vendor-reader.js';


function isConversation(o: Json | null): boolean {
  return !!o && (obj(o.conversation_parts) !== null || (obj(o.source) !== null && obj(obj(o.source)!.author) !== null));
}

/** A conversation, a list of them ({conversations: [...]}), or an object of named examples. */
export function intercomItems(doc: unknown): Json[] {
  const o = obj(doc);
  if (isConversation(o)) return [o!];
  if (o && Array.isArray(o.conversations)) return list(o.conversations).filter(isConversation);
  if (Array.isArray(doc)) return list(doc).filter(isConversation);
  if (o) {
    const values = Object.values(o).map(obj);
    if (values.length > 0 && values.every(isConversation)) return values as Json[];
  }
  return [];
}

export function isIntercom(doc: unknown): boolean {
  return intercomItems(doc).length > 0;
}

const CUSTOMER_TYPES = new Set(['user', 'lead', 'contact']);

export function intercomConversations(doc: unknown, ctx: ReaderContext): NormalConversation[] {
  return intercomItems(doc).map((c) => {
    const source = obj(c.source);
    const turns: NormalTurn[] = [];
    if (source && str(source.body)) turns.push(partTurn(source, 'comment', str(c.created_at), ctx)!);
    for (const part of list(obj(c.conversation_parts)?.conversation_parts)) {
      const turn = partTurn(part, str(part.part_type), str(part.created_at), ctx);
      if (turn) turns.push(turn);
    }
    return { conversation_id: str(c.id), channel: str(source?.delivered_as) || str(source?.type) || null, turns };
  });
}

function partTurn(part: Json, type: string, created: string, ctx: ReaderContext): NormalTurn | null {
  const text = str(part.body);
  const author = obj(part.author) ?? {};
  const createdAt = created ? Number(created) : null;
  if (type === 'note') {
    ctx.note('Intercom note: counted as other, not scored');
    return { role: 'other', agent: null, text: text || '(note)', created_at: createdAt };
  }
  if (type !== 'comment' && type !== 'open' && type !== '') {
    ctx.note(`Intercom ${type} event: not a turn`);
    return null;
  }
  if (!text) {
    if (type !== 'comment') ctx.note('Intercom event without a message: not a turn');
    else ctx.skip('Intercom part without a body');
    return null;
  }
  const authorType = str(author.type);
  if (CUSTOMER_TYPES.has(authorType)) return { role: 'customer', agent: null, text, created_at: createdAt };
  if (authorType === 'admin') return { role: 'agent', agent: str(author.name) || str(author.id) || null, text, created_at: createdAt };
  return { role: 'other', agent: null, text, created_at: createdAt };
}
