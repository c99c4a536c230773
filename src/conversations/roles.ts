// Maps the role values of exports to customer / agent / other. Listed in the README.
import type { Role } from '../detect/detector.js';
import { AttuneError } from '../errors.js';
import { normalizeKey } from './field-map.js';

export const CUSTOMER_VALUES = ['customer', 'end-user', 'enduser', 'requester', 'visitor', 'user', 'client', 'contact', 'lead', 'guest', 'member', 'consumer', 'caller', 'cust', 'inbound', 'incoming', 'in', 'end-customer', 'website-visitor', 'shopper', 'buyer', 'subscriber', 'passenger'];
export const AGENT_VALUES = ['agent', 'admin', 'staff', 'operator', 'rep', 'representative', 'support', 'advisor', 'adviser', 'associate', 'employee', 'csr', 'teammate', 'expert', 'responder', 'assignee', 'outbound', 'outgoing', 'out', 'company', 'business', 'support-agent', 'live-agent', 'human-agent', 'service-agent', 'care-agent', 'customer-service', 'customer-support', 'customer-care', 'support-team', 'helpdesk', 'service-desk'];
export const OTHER_VALUES = ['other', 'system', 'bot', 'automation', 'automated', 'trigger', 'note', 'internal', 'internal-note', 'private', 'private-note', 'event', 'assistant', 'ai', 'workflow', 'macro', 'chatbot', 'virtual-agent', 'virtual-assistant', 'ai-agent', 'ai-assistant', 'auto-reply', 'autoresponder'];

const CUSTOMER = new Set(CUSTOMER_VALUES.map(normalizeKey));
const AGENT = new Set(AGENT_VALUES.map(normalizeKey));
const OTHER = new Set(OTHER_VALUES.map(normalizeKey));

/** Fields whose true value means the customer wrote the turn. */
const CUSTOMER_FLAGS = new Set(['inbound', 'incoming', 'isinbound', 'iscustomer', 'fromcustomer', 'isfromcustomer']);
/** Fields whose true value means an agent wrote it. */
const AGENT_FLAGS = new Set(['isagent', 'fromagent', 'isfromagent', 'outbound', 'isoutbound']);

export function parseFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', 't', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'f', 'no', 'n', '0'].includes(v)) return false;
  return undefined;
}

/** The role value itself, or the one an author object holds: {"type": "admin", "name": …}, {"role": "agent"}. */
export function roleValueOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  return o.role ?? o.type ?? o.kind;
}

/** The role a value names, or undefined when it names none of them. */
export function roleOf(value: unknown, field: string): Role | undefined {
  const key = normalizeKey(field);
  if (CUSTOMER_FLAGS.has(key) || AGENT_FLAGS.has(key)) {
    const flag = parseFlag(value);
    if (flag === undefined) return undefined;
    return flag === CUSTOMER_FLAGS.has(key) ? 'customer' : 'agent';
  }
  value = roleValueOf(value);
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const v = normalizeKey(String(value));
  if (CUSTOMER.has(v)) return 'customer';
  if (AGENT.has(v)) return 'agent';
  if (OTHER.has(v)) return 'other';
  return undefined;
}

/** Whether a visibility field marks the turn as an internal note (counted, not scored). */
export function isInternal(value: unknown, field: string): boolean {
  const flag = parseFlag(value);
  if (flag === undefined) return false;
  const key = normalizeKey(field);
  return key === 'public' || key === 'ispublic' ? !flag : flag;
}

/** Parses --role-values: "user=agent,bot=other". */
export function parseRoleValues(value: string): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const role = pair.slice(eq + 1).trim().toLowerCase();
    if (eq < 1 || !['customer', 'agent', 'other'].includes(role)) {
      throw new AttuneError(`--role-values: '${pair}' is not VALUE=ROLE with ROLE one of customer, agent, other.`);
    }
    roles.set(normalizeKey(pair.slice(0, eq)), role as Role);
  }
  return roles;
}

/** Words that name the customer and never stand beside "user" as a second kind of customer. */
const CUSTOMER_WORDS = new Set(['customer', 'end-user', 'enduser', 'requester', 'client', 'consumer', 'caller', 'cust'].map(normalizeKey));

/** One file's role values. "user" names the customer in some helpdesks (Intercom, Crisp) and the agent
 * in others (Help Scout writes "customer" and "user"): it is read as an agent when the file has already
 * named its customers with such a word as "customer", else as the customer, once for the whole file.
 * Each reading is noted, and so is a customer word after "user" was read as the customer, with the flag
 * that fixes it. */
export class RoleReader {
  private user: Role | undefined;
  private customerWord: string | undefined;
  /** Each distinct value's normalised key and built-in reading, and whether that reading is final (a
   * given value, or one that is neither "user" nor a customer word): a file holds few distinct role
   * values, and this runs on every turn. Capped, for a role field that turns out to hold free text. */
  private readonly seen = new Map<unknown, { key: string; role: Role | undefined; final: boolean }>();

  constructor(
    private readonly given: ReadonlyMap<string, Role>,
    private readonly note: (reason: string) => void,
  ) {}

  /** The role a value names, or undefined when it names none. */
  read(raw: unknown, field: string): Role | undefined {
    const value = roleValueOf(raw);
    let known = this.seen.get(value);
    if (!known) {
      const key = typeof value === 'string' || typeof value === 'number' ? normalizeKey(String(value)) : '';
      const given = this.given.get(key);
      const role = given ?? roleOf(value, field);
      known = { key, role, final: given !== undefined || role !== 'customer' || (key !== 'user' && !CUSTOMER_WORDS.has(key)) };
      if (this.seen.size < 1000) this.seen.set(value, known);
    }
    if (known.final) return known.role;
    if (known.key !== 'user') {
      this.customerWord ??= String(value).trim();
      if (this.user === 'customer') this.note(`role value ${JSON.stringify(this.customerWord)} after "user" was read as the customer: if "user" means agent, say so with --role-values user=agent`);
      return known.role;
    }
    this.user ??= this.customerWord === undefined ? 'customer' : 'agent';
    this.note(this.user === 'agent' ? `role value "user" read as agent (the file's customers are ${JSON.stringify(this.customerWord)})` : 'role value "user" read as the customer');
    return this.user;
  }
}
