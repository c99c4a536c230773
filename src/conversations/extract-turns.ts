// Turns the records of one file into turns: one record per turn, or one record per conversation
// holding its turns in an array. The file's first record decides which, and which fields to read.
import type { Role } from '../detect/detector.js';
import type { SourceRecord } from '../ingest/source-record.js';
import { obj, personName } from '../ingest/vendors/json-access.js';
import type { AgentMap } from './agent-map.js';
import { cleanText } from './clean-text.js';
import { missingFieldError, resolveFields, type FieldOverrides, type ResolvedFields } from './field-map.js';
import { isInternal, RoleReader, roleOf, roleValueOf } from './roles.js';
import { parseTime, type NumericOrder } from './parse-time.js';
import type { Accounting, Turn } from './turn.js';
import { boundText } from '../detect/bound-text.js';

export interface ExtractOptions {
  overrides: FieldOverrides;
  /** Every turn of a file without a role field is this role (e.g. a file of customer tweets). */
  assumeRole?: Role;
  /** --role-values: what role values name, beside the built-in words. */
  roleValues?: ReadonlyMap<string, Role>;
  agentMap?: AgentMap;
}

export interface Extracted {
  turns: Turn[];
  /** True when the record was a whole conversation: its turns are complete and in order. */
  complete: boolean;
}

/** A number as Excel shows a long one once a CSV is saved again ("1.23457E+17"): its last digits are gone. */
const SCIENTIFIC = /^\d(?:[.,]\d+)?E\+\d+$/i;

export class TurnExtractor {
  private outer: ResolvedFields | undefined;
  private inner: ResolvedFields | undefined;
  private nested = false;
  private ordinal = 0;
  private readonly roles: RoleReader;
  /** The note for this file's times that are not dates: it quotes the first, at its line. */
  private unreadTime: string | undefined;
  /** The name the record being read goes by: the file's, or a part of it (a workbook's later worksheet). */
  private at: string;
  /** The last conversation id read, and the note for ids Excel rounded: it quotes the first. */
  private lastConversation = '';
  private roundedIds: string | undefined;
  /** The first date of each order (parse-time.ts: dateOrder), until dates of both orders were noted; the
   * value and line being read, for the order parseTime hears. */
  private firstDayFirst: string | undefined;
  private firstEither: string | undefined;
  private orderNoted = false;
  private dateValue = '';
  private dateLine = 0;
  private readonly heardOrder = (order: NumericOrder): void => this.checkDateOrder(order);

  constructor(
    private readonly file: string,
    private readonly options: ExtractOptions,
    private readonly tally: Accounting,
  ) {
    // How "user" was read is decided per file: its notes name the file.
    this.roles = new RoleReader(options.roleValues ?? new Map(), (reason) => tally.note(`${file}: ${reason}`));
    this.at = file;
  }

  extract(record: SourceRecord): Extracted {
    this.ordinal += 1;
    this.at = record.file;
    if (!this.outer) this.decideShape(record.fields);
    const outer = this.outer!;
    if (!this.nested) {
      const turn = this.toTurn(record.fields, outer, stringOf(record.fields[outer.conversation!]), null, record.line, null);
      return { turns: turn ? [turn] : [], complete: false };
    }
    const list = outer.turns ? record.fields[outer.turns] : undefined;
    const id = (outer.conversation && stringOf(record.fields[outer.conversation])) || `${this.file}#${this.ordinal}`;
    if (!Array.isArray(list)) {
      this.tally.skip('conversation record without a list of turns', 1, `${this.at}:${record.line}`);
      return { turns: [], complete: true };
    }
    const agent = outer.agent ? personOf(record.fields[outer.agent]) : null;
    const channel = outer.channel ? stringOf(record.fields[outer.channel]) || null : null;
    const turns: Turn[] = [];
    for (const item of list) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        this.tally.skip('turn that is not an object', 1, `${this.at}:${record.line}`);
        continue;
      }
      const fields = item as Record<string, unknown>;
      this.inner ??= this.resolveTurnFields(fields, true);
      const line = typeof fields.line === 'number' ? fields.line : record.line;
      const turn = this.toTurn(fields, this.inner, id, agent, line, channel);
      if (turn) turns.push(turn);
    }
    return { turns, complete: true };
  }

  /** Which field gave what, for the report: "conversation from 'ticket_id', role from 'sender', …". */
  describe(): string {
    const fields = { ...(this.nested ? { conversation: this.outer?.conversation, turns: this.outer?.turns } : {}), ...(this.nested ? this.inner : this.outer) };
    const parts = Object.entries(fields).filter(([, v]) => v !== undefined).map(([name, field]) => `${name} from '${field}'`);
    if (this.options.assumeRole) parts.push(`every turn is ${this.options.assumeRole === 'agent' ? 'an agent' : 'the customer'} (--assume-role)`);
    return parts.length ? parts.join(', ') : 'no records';
  }

  private decideShape(fields: Record<string, unknown>): void {
    const keys = Object.keys(fields);
    const outer = resolveFields(keys, ['turns'], this.options.overrides);
    this.nested = outer.turns !== undefined && Array.isArray(fields[outer.turns]);
    if (this.nested) {
      this.outer = { ...outer, ...resolveFields(keys, ['conversation', 'agent', 'channel'], this.options.overrides, { nested: true }) };
      return;
    }
    this.outer = this.resolveTurnFields(fields, false);
  }

  /** The fields of a turn record, from its names; without a role field by name, an author object that
   * states its role (`"author": {"type": "admin", "name": …}`) is the role field, and names the agent. */
  private resolveTurnFields(sample: Record<string, unknown>, nested: boolean): ResolvedFields {
    const { overrides, assumeRole } = this.options;
    const keys = Object.keys(sample);
    const wanted = nested ? (['role', 'agent', 'text', 'time', 'private'] as const) : (['conversation', 'role', 'agent', 'text', 'time', 'private', 'channel'] as const);
    const fields = resolveFields(keys, [...wanted], overrides);
    if (!fields.role && overrides.role === undefined) {
      const author = keys.find((k) => typeof sample[k] === 'object' && roleOf(sample[k], k) !== undefined);
      if (author) fields.role = author;
    }
    if (!nested && !fields.conversation) throw missingFieldError(this.file, 'conversation', keys, overrides, fields);
    if (!fields.text) throw missingFieldError(this.file, 'text', keys, overrides, fields);
    if (!fields.role && !assumeRole) throw missingFieldError(this.file, 'role', keys, overrides, fields, ', or --assume-role customer|agent when every turn has the same role');
    return fields;
  }

  private toTurn(fields: Record<string, unknown>, map: ResolvedFields, conversation: string, conversationAgent: string | null, line: number, channel: string | null): Turn | null {
    const raw = fields[map.text!];
    if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
      this.tally.skip('text is not a string', 1, `${this.at}:${line}`);
      return null;
    }
    const { text, cuts } = boundText(raw === undefined || raw === null ? '' : cleanText(String(raw)));
    for (const cut of cuts) this.tally.note(cut);
    if (text === '') {
      this.tally.skip('empty text', 1, `${this.at}:${line}`);
      return null;
    }
    if (conversation === '') {
      this.tally.skip('no conversation id', 1, `${this.at}:${line}`);
      return null;
    }
    if (conversation !== this.lastConversation) {
      this.lastConversation = conversation;
      if (SCIENTIFIC.test(conversation)) {
        this.roundedIds ??= `conversation ids in scientific notation, as Excel writes long numbers (first ${JSON.stringify(conversation)} at ${this.at}:${line}): the digits it dropped may join different conversations into one; save the id column as text`;
        this.tally.note(this.roundedIds);
      }
    }
    let role: Role | undefined = this.options.assumeRole;
    if (map.role) {
      const value = fields[map.role];
      role = this.roles.read(value, map.role);
      if (role === undefined) {
        const shown = stringOf(roleValueOf(value));
        this.tally.note(`unknown role ${JSON.stringify(shown)}: counted as other, not scored (--role-values ${shown || '""'}=customer|agent says what it is)`);
        role = 'other';
      }
    }
    if (map.private && isInternal(fields[map.private], map.private)) role = 'other';
    const roleValue = map.role ? fields[map.role] : undefined;
    const agentValue = map.agent ? personOf(fields[map.agent]) : typeof roleValue === 'object' ? personOf(roleValue) : '';
    const rawAgent = role === 'agent' ? agentValue || conversationAgent || null : null;
    const identity = rawAgent ? this.options.agentMap?.lookup(rawAgent) : undefined;
    return {
      conversation,
      role: role!,
      agent: identity?.name ?? rawAgent,
      team: identity?.team ?? null,
      channel: channel ?? (map.channel ? stringOf(fields[map.channel]) || null : null),
      text,
      time: map.time ? this.timeOf(fields[map.time], line) : null,
      file: this.at,
      line,
    };
  }

  /** The turn's time; a value that is there but no date is noted, as its conversation keeps file order. */
  private timeOf(value: unknown, line: number): number | null {
    // Until the note is made, parseTime tells the order of a numeric date, and checkDateOrder quotes it.
    if (!this.orderNoted && typeof value === 'string') {
      this.dateValue = value;
      this.dateLine = line;
    }
    const time = parseTime(value, this.orderNoted ? undefined : this.heardOrder);
    if (time === null && (typeof value === 'number' || (typeof value === 'string' && value.trim() !== ''))) {
      this.unreadTime ??= `time that is not a date (first ${JSON.stringify(String(value).trim().slice(0, 40))} at ${this.at}:${line}): its conversation keeps file order`;
      this.tally.note(this.unreadTime);
    }
    return time;
  }

  /** Dates taken month first ("03/12/2026") in a file that also holds dates only day first reads
   * ("31/12/2026") may be a month off: said once, quoting the first of each. */
  private checkDateOrder(order: NumericOrder): void {
    if (order === 'month') return;
    const where = `${JSON.stringify(this.dateValue.trim())} at ${this.at}:${this.dateLine}`;
    if (order === 'day') this.firstDayFirst ??= where;
    else this.firstEither ??= where;
    if (this.firstDayFirst === undefined || this.firstEither === undefined) return;
    this.orderNoted = true;
    this.tally.note(`dates that read either day or month first were read month first (first ${this.firstEither}), but the file also holds dates only day first reads (first ${this.firstDayFirst}): if all its dates are day first, those are a month off, and turns may be out of order`);
  }
}

/** An agent's name: the value itself, or the name an author object gives (as Front and other APIs write it). */
function personOf(value: unknown): string {
  const o = obj(value);
  return o ? personName(o) : stringOf(value);
}

function stringOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
