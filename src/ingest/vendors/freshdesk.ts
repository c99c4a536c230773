// Freshdesk: tickets (API v2 and v1), their conversations (replies and notes), search results, and
// CSV exports of conversations. incoming:true is the customer, private notes are counted, not scored;
// agent ids are named from agents or contacts files read alongside.
import { list, obj, str, type Json } from './json-access.js';
import type { NormalConversation, NormalTurn } from './normal-record.js';
import type { ReaderContext } from './vendor-reader.js';


/** Agent names by Freshdesk user id, filled from agents and contacts files. */
export type FreshdeskPeople = Map<string, string>;

export function isFreshdeskConversation(c: Json): boolean {
  return 'incoming' in c && 'private' in c && ('body_text' in c || 'body' in c);
}

function isTicket(t: Json): boolean {
  return 'requester_id' in t && ('responder_id' in t || 'description_text' in t || 'status_name' in t) && !('via' in t);
}

export function isFreshdeskPeople(items: Json[]): boolean {
  return items.length > 0 && items.every((i) => obj(i.contact) !== null || 'helpdesk_agent' in i);
}

export function isFreshdesk(doc: unknown): boolean {
  const o = obj(doc);
  if (o && obj(o.helpdesk_ticket)) return true;
  const items = Array.isArray(doc) ? list(doc) : o && Array.isArray(o.results) ? list(o.results) : o ? [o] : [];
  return items.length > 0 && (items.every(isFreshdeskConversation) || items.some(isTicket) || isFreshdeskPeople(items));
}

export function learnPeople(doc: unknown, people: FreshdeskPeople): number {
  let n = 0;
  for (const p of list(doc)) {
    const contact = obj(p.contact);
    if (contact) people.set(str(p.id), str(contact.name));
    else if (p.helpdesk_agent === true) people.set(str(p.id), str(p.name));
    else continue;
    n += 1;
  }
  return n;
}

export function freshdeskConversations(doc: unknown, people: FreshdeskPeople, ctx: ReaderContext): NormalConversation[] {
  const o = obj(doc);
  if (o && obj(o.helpdesk_ticket)) return [fromV1(obj(o.helpdesk_ticket)!, people, ctx)];
  const items = Array.isArray(doc) ? list(doc) : o && Array.isArray(o.results) ? list(o.results) : o ? [o] : [];
  if (isFreshdeskPeople(items)) {
    ctx.note(`agents and contacts file: ${learnPeople(items, people)} agents used to name replies`);
    return [];
  }
  const out: NormalConversation[] = [];
  const byTicket = new Map<string, NormalTurn[]>();
  for (const item of items) {
    if (isTicket(item)) {
      const turns = [descriptionTurn(item), ...list(item.conversations).map((c) => conversationTurn(c, people, ctx))].filter((t): t is NormalTurn => t !== null);
      out.push({ conversation_id: str(item.id), channel: str(item.source_name) || sourceName(item.source), turns });
    } else if (isFreshdeskConversation(item)) {
      const id = str(item.ticket_id);
      const turns = byTicket.get(id) ?? [];
      turns.push(conversationTurn(item, people, ctx));
      byTicket.set(id, turns);
    } else ctx.skip('Freshdesk object that is neither a ticket nor a conversation');
  }
  for (const [id, turns] of byTicket) out.push({ conversation_id: id, channel: null, turns });
  return out;
}

function fromV1(t: Json, people: FreshdeskPeople, ctx: ReaderContext): NormalConversation {
  const notes = list(t.notes).map((n) => obj(n.note) ?? n);
  const turns = [descriptionTurn(t), ...notes.map((n) => conversationTurn(n, people, ctx, str(t.responder_name)))].filter((x): x is NormalTurn => x !== null);
  return { conversation_id: str(t.display_id) || str(t.id), channel: str(t.source_name) || null, turns };
}

function descriptionTurn(t: Json): NormalTurn | null {
  const text = str(t.description_text) || str(t.description);
  return text ? { role: 'customer', agent: null, text, created_at: str(t.created_at) || null } : null;
}

export function conversationTurn(c: Json, people: FreshdeskPeople, ctx: ReaderContext, fallbackAgent = ''): NormalTurn {
  const text = str(c.body_text) || str(c.body);
  const created = str(c.created_at) || null;
  if (flag(c.private)) {
    ctx.note('private note: counted as other, not scored');
    return { role: 'other', agent: null, text, created_at: created };
  }
  if (flag(c.incoming)) return { role: 'customer', agent: null, text, created_at: created };
  const id = str(c.user_id);
  return { role: 'agent', agent: people.get(id) || fallbackAgent || (id ? `freshdesk agent ${id}` : null), text, created_at: created };
}

function flag(v: unknown): boolean {
  return v === true || v === 1 || (typeof v === 'string' && /^(true|1|yes)$/i.test(v.trim()));
}

/** Freshdesk's numeric ticket sources. */
function sourceName(source: unknown): string | null {
  const names: Record<string, string> = { '1': 'email', '2': 'portal', '3': 'phone', '7': 'chat', '9': 'feedback widget', '10': 'outbound email' };
  return names[str(source)] ?? null;
}
