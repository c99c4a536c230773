// Reads a vendor's JSON document whole (API responses and exports are pages of bounded size), unwraps
// recorded responses ({"_request": …, "body": …}), and turns it into conversation records.
import type { Readable } from 'node:stream';
import { InputError } from '../../errors.js';
import { parseJson } from '../../parse-json.js';
import type { SourceRecord } from '../source-record.js';
import { freshdeskConversations, isFreshdesk, type FreshdeskPeople } from './freshdesk.js';
import { helpScoutConversations, isHelpScout } from './helpscout.js';
import { intercomConversations, isIntercom } from './intercom.js';
import { conversationRecord, type NormalConversation } from './normal-record.js';
import type { ReaderContext, ReaderName } from './vendor-reader.js';
import { isZendesk, isZendeskMacros, zendeskConversations } from './zendesk.js';

/** Keys that only vendor documents have: seeing one in the first bytes is worth reading the whole file. */
export const VENDOR_HINT = new RegExp(
  [
    /"(?:_request|conversation_parts|helpdesk_ticket|requester_id|incoming|audits|agent_names|macros|actions|author_id|helpdesk_agent|ticket_scope)"\s*:/.source,
    /"contact"\s*:\s*\{/.source,
    // Help Scout: a page of conversations or threads, or a thread's author ("createdBy" alone is too common).
    /"_embedded"\s*:\s*\{\s*"(?:conversations|threads)"/.source,
    /"createdBy"\s*:\s*\{[^{}]{0,200}"type"\s*:\s*"(?:customer|user)"/.source,
  ].join('|'),
);

/** Larger than any API page; a bigger file is an export to stream with the generic reader. */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export async function readWhole(stream: Readable, file: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) throw new InputError(file, undefined, `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: read it with --from generic, which streams.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

export function parseDocument(text: string, file: string, lineOffset = 0): unknown {
  return parseJson(text, file, lineOffset + 1);
}

/** Every document of a file: most hold one, but API pages appended to one file (`curl … >> tickets.json`)
 * or files joined with `cat` hold several, one after another. */
export function parseDocuments(text: string, file: string): unknown[] {
  const docs: unknown[] = [];
  let offset = 0;
  let lineOffset = 0;
  for (;;) {
    const rest = offset === 0 ? text : text.slice(offset);
    try {
      docs.push(JSON.parse(rest));
      return docs;
    } catch (error) {
      const after = /after JSON at position (\d+)/.exec((error as Error).message);
      // Not a document followed by more: parseDocument throws the error, at its line.
      if (!after) return [...docs, parseDocument(rest, file, lineOffset)];
      const end = Number(after[1]);
      docs.push(JSON.parse(rest.slice(0, end)));
      lineOffset += rest.slice(0, end).split('\n').length - 1;
      const next = rest.slice(end).trimStart()[0];
      if (next !== '{' && next !== '[') throw new InputError(file, lineOffset + 1, 'unexpected text after the end of the JSON document.');
      offset += end;
    }
  }
}

export function unwrap(doc: unknown): unknown {
  const o = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  return o && '_request' in o && 'body' in o ? o.body : doc;
}

export function detectVendor(doc: unknown): ReaderName | 'macros' | null {
  const o = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : null;
  if (o && isZendeskMacros(o)) return 'macros';
  if (isIntercom(doc)) return 'intercom';
  if (o && isZendesk(o)) return 'zendesk';
  if (isFreshdesk(doc)) return 'freshdesk';
  if (isHelpScout(doc)) return 'helpscout';
  return null;
}

export function vendorConversations(reader: ReaderName, doc: unknown, uri: string, people: FreshdeskPeople, ctx: ReaderContext): NormalConversation[] {
  switch (reader) {
    case 'zendesk':
      return doc && typeof doc === 'object' && !Array.isArray(doc) ? zendeskConversations(doc as Record<string, unknown>, uri, ctx) : [];
    case 'freshdesk':
      return freshdeskConversations(doc, people, ctx);
    case 'intercom':
      return intercomConversations(doc, ctx);
    case 'helpscout':
      return helpScoutConversations(doc, ctx);
    default:
      return [];
  }
}

export async function* recordsOf(conversations: NormalConversation[], file: string, line = 1): AsyncGenerator<SourceRecord> {
  for (const conversation of conversations) yield conversationRecord(file, line, conversation);
}
