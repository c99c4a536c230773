// Zendesk: API responses and exports of tickets with comments, ticket comments, ticket audits with
// Comment events, incremental ticket exports (description only), one-ticket-per-line exports and Chat
// transcripts. The requester (ticket.requester_id, else the first comment's author) is the customer;
// users side-loaded with role end-user are customers, agents and admins are agents; public:false
// comments are internal notes (counted, not scored).
import { list, obj, str, type Json } from './json-access.js';
import type { NormalConversation, NormalTurn } from './normal-record.js';
import type { ReaderContext } from './vendor-reader.js';


export function isZendesk(doc: Json): boolean {
  if (doc.tickets || doc.ticket || doc.audits || doc.audit) return list(doc.tickets).some(isTicket) || isTicket(obj(doc.ticket)) || Array.isArray(doc.audits) || !!obj(doc.audit);
  if (Array.isArray(doc.comments)) return list(doc.comments).some((c) => 'author_id' in c && ('public' in c || 'plain_body' in c));
  if (Array.isArray(doc.history) && Array.isArray(doc.agent_names)) return true;
  return isTicket(doc) || isComment(doc);
}

function isComment(c: Json): boolean {
  return 'author_id' in c && ('public' in c || 'plain_body' in c) && ('body' in c || 'plain_body' in c);
}

export function isZendeskMacros(doc: Json): boolean {
  return Array.isArray(doc.macros) || (Array.isArray(doc.actions) && 'title' in doc);
}

function isTicket(t: Json | null): boolean {
  return !!t && 'requester_id' in t && ('via' in t || 'submitter_id' in t);
}

interface Users {
  names: Map<string, string>;
  roles: Map<string, string>;
}

export function zendeskConversations(doc: Json, uri: string, ctx: ReaderContext): NormalConversation[] {
  const users: Users = { names: new Map(), roles: new Map() };
  for (const u of list(doc.users)) {
    users.names.set(str(u.id), str(u.name));
    users.roles.set(str(u.id), str(u.role));
  }
  if (Array.isArray(doc.history)) return [chatTranscript(doc)];
  if (Array.isArray(doc.audits) || obj(doc.audit)) return fromAudits([...list(doc.audits), ...(obj(doc.audit) ? [obj(doc.audit)!] : [])], obj(doc.ticket), users, ctx);
  if (isComment(doc)) return [fromComments(str(doc.ticket_id) || `${ctx.file}`, [doc], null, users, ctx)];
  if (Array.isArray(doc.comments) && !doc.tickets) {
    const id = /tickets\/(\d+)\//.exec(uri)?.[1] ?? str(obj(doc.ticket)?.id) ?? '';
    return [fromComments(id || ctx.file, list(doc.comments), obj(doc.ticket), users, ctx)];
  }
  const tickets = Array.isArray(doc.tickets) ? list(doc.tickets) : obj(doc.ticket) ? [obj(doc.ticket)!] : [doc];
  return tickets.map((t) => {
    const comments = list(t.comments ?? doc.comments);
    if (comments.length > 0) return fromComments(str(t.id), comments, t, users, ctx);
    // Incremental exports hold each ticket's description only: the requester's opening message.
    const description = str(t.description);
    const turns: NormalTurn[] = description ? [{ role: 'customer', agent: null, text: description, created_at: str(t.created_at) || null }] : [];
    if (!description) ctx.skip('ticket with neither comments nor a description');
    return { conversation_id: str(t.id), channel: channelOf(t), turns };
  });
}

function fromComments(id: string, comments: Json[], ticket: Json | null, users: Users, ctx: ReaderContext): NormalConversation {
  const requester = str(ticket?.requester_id) || str(comments[0]?.author_id);
  const turns = comments.map((c) => commentTurn(c, str(c.author_id), requester, users, ctx, str(c.created_at)));
  return { conversation_id: id, channel: channelOf(ticket ?? comments[0] ?? {}), turns };
}

function fromAudits(audits: Json[], ticket: Json | null, users: Users, ctx: ReaderContext): NormalConversation[] {
  const byTicket = new Map<string, { turns: NormalTurn[]; requester: string; channel: string | null }>();
  for (const audit of audits) {
    const ticketId = str(audit.ticket_id) || str(ticket?.id);
    for (const event of list(audit.events)) {
      if (event.type !== 'Comment') continue;
      const author = str(event.author_id) || str(audit.author_id);
      let entry = byTicket.get(ticketId);
      if (!entry) {
        entry = { turns: [], requester: str(ticket?.requester_id) || author, channel: channelOf(audit) };
        byTicket.set(ticketId, entry);
      }
      entry.turns.push(commentTurn(event, author, entry.requester, users, ctx, str(audit.created_at)));
    }
  }
  return [...byTicket.entries()].map(([id, e]) => ({ conversation_id: id, channel: e.channel, turns: e.turns }));
}

function commentTurn(c: Json, author: string, requester: string, users: Users, ctx: ReaderContext, created: string): NormalTurn {
  const text = str(c.plain_body) || str(c.body) || str(c.html_body);
  if (c.public === false) {
    ctx.note('internal note (public: false): counted as other, not scored');
    return { role: 'other', agent: null, text, created_at: created || null };
  }
  const role = users.roles.get(author);
  const isCustomer = role ? role === 'end-user' : author === requester;
  return { role: isCustomer ? 'customer' : 'agent', agent: isCustomer ? null : users.names.get(author) || `zendesk user ${author}`, text, created_at: created || null };
}

function chatTranscript(doc: Json): NormalConversation {
  const visitor = str(obj(doc.visitor)?.name);
  const agents = new Set((doc.agent_names as unknown[]).map(str));
  const turns: NormalTurn[] = list(doc.history)
    .filter((h) => h.type === 'chat.msg' && str(h.msg) !== '')
    .map((h) => {
      const name = str(h.name);
      const role = name === visitor ? 'customer' : agents.has(name) ? 'agent' : 'other';
      return { role, agent: role === 'agent' ? name : null, text: str(h.msg), created_at: str(h.timestamp) || null };
    });
  return { conversation_id: str(doc.id), channel: 'chat', turns };
}

function channelOf(o: Json): string | null {
  return str(obj(o.via)?.channel) || null;
}
