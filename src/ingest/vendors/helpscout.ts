// Help Scout (Mailbox API 2.0): conversations with `_embedded.threads`, a page of them
// (`{"_embedded": {"conversations": [...]}}`), or one conversation's threads. createdBy.type customer is
// the customer and user is an agent (a customer thread is the customer's even when an agent entered it,
// a message thread an agent's); notes are counted, not scored; line items (status and assignment
// changes) and drafts are not turns. The API lists threads newest first: they are put in time order.
import { list, obj, personName, str, type Json } from './json-access.js';
import type { NormalConversation, NormalTurn } from './normal-record.js';
import type { ReaderContext } from './vendor-reader.js';
import { parseTime } from '../../conversations/parse-time.js';

const threadsOf = (c: Json): Json[] | null => {
  const threads = obj(c._embedded)?.threads ?? c.threads;
  return Array.isArray(threads) && list(threads).some((t) => obj(t.createdBy) !== null) ? list(threads) : null;
};

/** A Help Scout conversation: it has threads, or the mailbox it belongs to (the API's list leaves the
 * threads out unless asked to embed them). */
const isConversation = (c: Json): boolean => threadsOf(c) !== null || (c.mailboxId !== undefined && (c.number !== undefined || c.id !== undefined));

/** The conversations of a document, or one pseudo-conversation for a bare page of threads. */
function helpScoutItems(doc: unknown): Json[] {
  const o = obj(doc);
  if (!o && Array.isArray(doc)) return list(doc).filter(isConversation);
  if (!o) return [];
  if (threadsOf(o)) return [o];
  const conversations = obj(o._embedded)?.conversations ?? o.conversations;
  return list(conversations).filter(isConversation);
}

export function isHelpScout(doc: unknown): boolean {
  return helpScoutItems(doc).length > 0;
}

export function helpScoutConversations(doc: unknown, ctx: ReaderContext): NormalConversation[] {
  return helpScoutItems(doc).flatMap((c, i) => {
    const threads = threadsOf(c);
    if (!threads) {
      ctx.skip('Help Scout conversation without its threads (list conversations with embed=threads)');
      return [];
    }
    const turns = inTimeOrder(threads, ctx).flatMap((t) => {
      const turn = threadTurn(t, ctx);
      return turn ? [turn] : [];
    });
    const id = str(c.number) || str(c.id) || `${ctx.file}#${i + 1}`;
    return [{ conversation_id: id, channel: str(obj(c.source)?.type) || str(c.type) || null, turns }];
  });
}

/** Oldest first: by createdAt when every thread has one, else the API's newest-first list reversed. */
function inTimeOrder(threads: Json[], ctx: ReaderContext): Json[] {
  const oldestFirst = [...threads].reverse();
  const times = oldestFirst.map((t) => parseTime(str(t.createdAt)));
  if (times.every((t) => t !== null)) return oldestFirst.map((t, i) => ({ t, at: times[i]! })).sort((a, b) => a.at - b.at).map((x) => x.t);
  ctx.note('Help Scout threads without createdAt: taken as newest first, as the API lists them');
  return oldestFirst;
}

function threadTurn(thread: Json, ctx: ReaderContext): NormalTurn | null {
  const type = str(thread.type);
  const createdAt = str(thread.createdAt) || null;
  if (type === 'lineitem') {
    ctx.note('Help Scout line item (status or assignment change): not a turn');
    return null;
  }
  if (str(thread.state) === 'draft' || str(thread.state) === 'hidden') {
    ctx.note(`Help Scout ${str(thread.state)} thread: not a turn`);
    return null;
  }
  const text = str(thread.body);
  if (!text) {
    ctx.skip('Help Scout thread without a body');
    return null;
  }
  const author = obj(thread.createdBy) ?? {};
  if (type === 'note') {
    ctx.note('Help Scout note: counted as other, not scored');
    return { role: 'other', agent: null, text, created_at: createdAt };
  }
  const authorType = type === 'customer' ? 'customer' : type === 'message' ? 'user' : str(author.type);
  if (authorType === 'customer') return { role: 'customer', agent: null, text, created_at: createdAt };
  if (authorType === 'user') {
    return { role: 'agent', agent: personName(author) || null, text, created_at: createdAt };
  }
  return { role: 'other', agent: null, text, created_at: createdAt };
}
