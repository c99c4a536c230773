// Live-chat transcripts: text logs in the "(01:53:22 PM) Name: text" layout with "Chat started:" headers
// and "*** X joined the chat ***" lines, WhatsApp chat exports (whatsapp.ts), and CSVs with one
// conversation per row in a transcript column ("Customer: …", "Agent (Jane): …"). Who is an agent: --agents names, people who joined the chat, and
// names like "Customer Service"; otherwise the first speaker is taken to be the customer.
import type { SourceRecord } from '../source-record.js';
import { conversationRecord, type NormalTurn } from './normal-record.js';
import type { ReaderContext, ReaderResult } from './vendor-reader.js';
import { dateOrder, isoTime, isPlaceholder, looksLikeWhatsApp, whatsAppLine } from './whatsapp.js';

/** A log line: time in parentheses or brackets (either may be missing in pasted logs), perhaps after
 * an ISO date, then speaker, colon, text: "(01:53:22 PM) Ana: …", "[14:02] Ana: …",
 * "[2026-11-02 14:02:11] Ana: …". */
const LOG_LINE = /^\s*"?\s*[([]?\s*(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?)\s*[)\]]?\s+(.*)$/i;
/** A timed line with a speaker, as a chat log's lines are: no tab or comma before the colon, so that
 * a CSV or TSV row that starts with a time is not taken for one. */
const TIMED_SPEAKER = /^\s*[([]?\s*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*[)\]]?\s+[^:\n\t,]{1,40}:\s/i;
const JOINED = /^\*{3}\s*(.+?)\s+(joined|left) the chat\s*\*{3}\s*$/i;
const ROLE_LINE = /^\s*(customer|visitor|user|client|agent|support|rep|operator|advisor)\s*(?:\(([^)]{1,60})\))?\s*:\s*(.*)$/i;
const HOUSE_NAMES = /customer service|customer support|support team|help ?desk|concierge|\bbot\b|assistant/i;
const BLOCK_START = /^(?:###\s|Chat started:)/i;

export function looksLikeChatLog(head: string): boolean {
  return /^\s*"?\(?\d{1,2}:\d{2}(?::\d{2})?\s*[AP]M\)\s*\S/im.test(head) || /^Chat started:/im.test(head) || looksLikeWhatsApp(head) || startsWithTimedSpeakers(head);
}

/** A log whose first line with text, and another of the next ones, are timed lines with a speaker
 * (24-hour clocks, brackets and dates included). */
function startsWithTimedSpeakers(head: string): boolean {
  const rows = head.split(/\r?\n/, 40).filter((r) => r.trim() !== '');
  return rows.length >= 2 && TIMED_SPEAKER.test(rows[0]!) && rows.slice(1, 20).some((r) => TIMED_SPEAKER.test(r));
}

export function looksLikeTranscriptCell(value: string): boolean {
  // Timed lines need a speaker before a colon, with no tab or comma on the way: a TSV whose rows start
  // with a time ("14:02<TAB>customer<TAB>…") holds no transcript.
  return value.split('\n').filter((l) => ROLE_LINE.test(l) || TIMED_SPEAKER.test(l)).length >= 2;
}

interface Line {
  speaker: string | null;
  text: string;
  time: string;
  line: number;
  joined?: boolean;
  /** A WhatsApp line's date as written; a line from WhatsApp itself has no speaker and `system` set. */
  date?: string;
  system?: boolean;
  /** The ISO date a log line gives before its time ("[2026-11-02 14:02:11] Ana: …"). */
  isoDate?: string;
}

export interface ChatDecision {
  byList: number;
  byJoin: number;
  byName: number;
  byFirstSpeaker: number;
  /** Conversations in which one person speaks and no agent is known: read as the customer's. */
  alone: number;
}

/** Reads a whole chat log text into conversation records, one per block. */
export function readChatLog(text: string, ctx: ReaderContext): ReaderResult {
  const decision: ChatDecision = { byList: 0, byJoin: 0, byName: 0, byFirstSpeaker: 0, alone: 0 };
  async function* run(): AsyncGenerator<SourceRecord> {
    const blocks = splitBlocks(text);
    const joinedAnywhere = new Set(blocks.flatMap((b) => b.lines.filter((l) => l.joined).map((l) => l.speaker!)));
    for (const block of blocks) {
      const turns = toTurns(block.lines, ctx, joinedAnywhere, decision);
      if (turns.length === 0) continue;
      yield conversationRecord(ctx.file, block.start, { conversation_id: `${ctx.file}#${block.start}`, channel: 'chat', turns });
    }
  }
  return { records: run(), decided: () => describe(decision) };
}

/** Reads CSV rows that each hold a whole transcript in one column. */
export function readTranscriptColumn(records: AsyncGenerator<SourceRecord>, ctx: ReaderContext): ReaderResult {
  const decision: ChatDecision = { byList: 0, byJoin: 0, byName: 0, byFirstSpeaker: 0, alone: 0 };
  async function* run(): AsyncGenerator<SourceRecord> {
    for await (const { fields, line, file } of records) {
      const entries = Object.entries(fields);
      const cell = entries.find(([, v]) => typeof v === 'string' && looksLikeTranscriptCell(v));
      if (!cell) {
        ctx.skip('row without a transcript column', 1, `${file}:${line}`);
        continue;
      }
      const parsed = parseLines(String(cell[1]).split(/\r?\n/), line);
      const turns = toTurns(parsed, ctx, new Set(), decision);
      const id = entries.find(([k]) => /id$|^id|conversation|chat|ticket/i.test(k) && k !== cell[0])?.[1];
      if (turns.length > 0) yield conversationRecord(file, line, { conversation_id: String(id ?? `${file}:${line}`), channel: 'chat', turns });
    }
  }
  return { records: run(), decided: () => describe(decision) };
}

function splitBlocks(text: string): { start: number; lines: Line[] }[] {
  const rows = text.split(/\r?\n/);
  /** `first` is the line of the block's first row: after its header, or the block's own line when the
   * file's first block has no header. */
  const blocks: { start: number; first: number; rows: string[] }[] = [];
  let current: { start: number; first: number; rows: string[] } | null = null;
  rows.forEach((row, i) => {
    if (BLOCK_START.test(row.trim())) {
      if (current && current.rows.some((r) => r.trim() !== '')) blocks.push(current);
      current = { start: i + 1, first: i + 2, rows: [] };
      return;
    }
    current ??= { start: i + 1, first: i + 1, rows: [] };
    current.rows.push(row);
  });
  if (current && (current as { rows: string[] }).rows.some((r) => r.trim() !== '')) blocks.push(current);
  return blocks.map((b) => ({ start: b.start, lines: parseLines(b.rows, b.first) }));
}

function parseLines(rows: string[], firstLine: number): Line[] {
  const lines: Line[] = [];
  const speakers = new Set<string>();
  for (const row of rows) {
    const rest = LOG_LINE.exec(row)?.[3]?.trim() ?? '';
    const named = /^([^:*]{1,40}?)\s*:/.exec(rest);
    if (named) speakers.add(named[1]!.trim());
  }
  rows.forEach((row, i) => {
    const lineNo = firstLine + i;
    const whatsApp = whatsAppLine(row);
    if (whatsApp) {
      // The layout is exact: a line without "Name: " is WhatsApp's own ("Messages and calls are
      // end-to-end encrypted", "X changed their phone number"), never a speaker who lost a colon.
      const said = /^([^:]{1,60}?):\s(.*)$/.exec(whatsApp.rest);
      lines.push({ speaker: said ? said[1]!.trim() : null, text: said ? said[2]!.trim() : whatsApp.rest, time: whatsApp.time, line: lineNo, date: whatsApp.date, ...(said ? {} : { system: true }) });
      return;
    }
    const roleLine = ROLE_LINE.exec(row);
    if (roleLine) {
      const speaker = roleLine[2] ? `${roleLine[1]} (${roleLine[2]})` : roleLine[1]!;
      lines.push({ speaker, text: roleLine[3]!.trim(), time: '', line: lineNo });
      return;
    }
    const m = LOG_LINE.exec(row.replace(/"\s*$/, ''));
    if (!m) {
      if (row.trim() !== '' && lines.length > 0) lines[lines.length - 1]!.text += `\n${row.trim()}`;
      return;
    }
    const rest = m[3]!.trim();
    const joined = JOINED.exec(rest);
    if (joined) {
      lines.push({ speaker: joined[1]!.trim(), text: '', time: m[2]!, line: lineNo, joined: joined[2]!.toLowerCase() === 'joined' });
      return;
    }
    const colon = /^([^:]{1,40}?)\s*:\s+(.*)$/.exec(rest) ?? /^([^:]{1,40}?)\s*:(.*)$/.exec(rest);
    // A pasted line may lose its colon ("Juan Manuel Franco Hi"): fall back to the longest known speaker.
    const known = colon ? null : [...speakers].sort((a, b) => b.length - a.length).find((s) => rest.startsWith(`${s} `));
    const speaker = colon ? colon[1]!.trim() : known ?? null;
    const text = colon ? colon[2]!.trim() : known ? rest.slice(known.length).trim() : rest;
    lines.push({ speaker, text, time: m[2]!, line: lineNo, ...(m[1] ? { isoDate: m[1] } : {}) });
  });
  return lines;
}

function toTurns(lines: Line[], ctx: ReaderContext, joinedAnywhere: Set<string>, decision: ChatDecision): NormalTurn[] {
  const stamps = lineTimes(lines, ctx);
  for (const l of lines) if (l.speaker !== null && l.date !== undefined && isPlaceholder(l.text)) ctx.note('media, a deleted message, a call or a notice in a WhatsApp chat: not a turn');
  for (const l of lines) if (l.system) ctx.note('message from WhatsApp itself (encryption notice, a changed number): not a turn');
  const said = lines.filter((l) => !l.joined && !l.system && l.speaker !== null && l.text !== '' && !(l.date !== undefined && isPlaceholder(l.text)));
  const speakers = [...new Set(said.map((l) => l.speaker!))];
  const canonical = mergeAliases(speakers);
  const people = new Set(canonical.values());
  const roleOf = new Map<string, 'agent' | 'customer'>();
  const explicit = (s: string) => /^(agent|support|rep|operator|advisor)\b/i.test(s) ? 'agent' : /^(customer|visitor|user|client)\b/i.test(s) ? 'customer' : null;
  let anyAgent = false;
  for (const s of people) {
    const e = HOUSE_NAMES.test(s) ? null : explicit(s);
    if (e) roleOf.set(s, e);
    else if (ctx.agents.has(s.toLowerCase())) { roleOf.set(s, 'agent'); decision.byList += 1; }
    else if (joinedAnywhere.has(s) || lines.some((l) => l.joined && l.speaker === s)) { roleOf.set(s, 'agent'); decision.byJoin += 1; }
    else if (HOUSE_NAMES.test(s)) { roleOf.set(s, 'agent'); decision.byName += 1; }
    if (roleOf.get(s) === 'agent') anyAgent = true;
  }
  const first = said[0] ? canonical.get(said[0].speaker!)! : null;
  if (!anyAgent && people.size === 1) decision.alone += 1;
  for (const s of people) {
    if (roleOf.has(s)) continue;
    if (anyAgent) roleOf.set(s, 'customer');
    else {
      roleOf.set(s, s === first ? 'customer' : 'agent');
      if (s !== first) decision.byFirstSpeaker += 1;
    }
  }
  for (const l of lines.filter((x) => x.speaker === null && !x.system)) ctx.skip('chat line without a speaker', 1, `${ctx.file}:${l.line}`);
  return said.map((l) => {
    const name = canonical.get(l.speaker!)!;
    const role = roleOf.get(name)!;
    const agentName = role === 'agent' ? name.replace(/^(agent|support|rep|operator|advisor)\s*\((.+)\)$/i, '$2') : null;
    return { role, agent: agentName, text: l.text, created_at: stamps.get(l) ?? null, line: l.line };
  });
}

/** The times of lines that give a date: an ISO date before the time, or a WhatsApp chat's dates when
 * they show their order (a day over 12 somewhere); otherwise none, and for WhatsApp a note: the turns
 * keep file order, which is the order they were sent. */
function lineTimes(lines: Line[], ctx: ReaderContext): Map<Line, string> {
  const dated = lines.filter((l) => l.date !== undefined);
  const stamps = new Map<Line, string>();
  for (const l of lines) {
    const stamp = l.isoDate === undefined ? null : isoTime({ date: l.isoDate, time: l.time, rest: '' }, 'ymd');
    if (stamp) stamps.set(l, stamp);
  }
  if (dated.length === 0) return stamps;
  const order = dateOrder(dated.map((l) => l.date!));
  if (order === null) ctx.note(`WhatsApp dates whose day and month cannot be told apart (no day after the 12th), first at ${ctx.file}:${dated[0]!.line}: read without dates, in file order`);
  for (const l of dated) {
    const stamp = isoTime({ date: l.date!, time: l.time, rest: '' }, order);
    if (stamp) stamps.set(l, stamp);
  }
  return stamps;
}

/** One speaker under two names ("Juan Manuel" and "Juan Manuel Franco") is one person: the longer name wins. */
function mergeAliases(speakers: string[]): Map<string, string> {
  const map = new Map<string, string>();
  const sorted = [...speakers].sort((a, b) => b.length - a.length);
  for (const s of speakers) map.set(s, sorted.find((longer) => longer !== s && longer.startsWith(`${s} `)) ?? s);
  return map;
}

function describe(d: ChatDecision): string {
  const parts = [];
  if (d.byList) parts.push(`${d.byList} named with --agents`);
  if (d.byJoin) parts.push(`${d.byJoin} who joined the chat`);
  if (d.byName) parts.push(`${d.byName} by a house name such as "Customer Service"`);
  if (d.byFirstSpeaker) parts.push(`${d.byFirstSpeaker} as the side that did not speak first (name agents with --agents to be sure)`);
  const alone = d.alone ? `; ${d.alone} conversation${d.alone === 1 ? '' : 's'} with one speaker and no agent, read as the customer's (name agents with --agents if they are)` : '';
  return `agents: ${parts.length ? parts.join('; ') : 'none found'}; everyone else is the customer${alone}`;
}
