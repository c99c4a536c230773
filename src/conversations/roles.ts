// Maps the role values of exports to customer / agent / other. Listed in the README.
import type { Role } from '../detect/detector.js';
import { normalizeKey } from './field-map.js';

export const CUSTOMER_VALUES = ['customer', 'end-user', 'enduser', 'requester', 'visitor', 'user', 'client', 'contact', 'lead', 'guest', 'member', 'consumer', 'caller', 'cust', 'inbound', 'incoming', 'in'];
export const AGENT_VALUES = ['agent', 'admin', 'staff', 'operator', 'rep', 'representative', 'support', 'advisor', 'adviser', 'associate', 'employee', 'csr', 'teammate', 'expert', 'responder', 'assignee', 'outbound', 'outgoing', 'out', 'company', 'business'];
export const OTHER_VALUES = ['other', 'system', 'bot', 'automation', 'automated', 'trigger', 'note', 'internal', 'internal-note', 'private', 'private-note', 'event', 'assistant', 'ai', 'workflow', 'macro'];

const CUSTOMER = new Set(CUSTOMER_VALUES.map(normalizeKey));
const AGENT = new Set(AGENT_VALUES.map(normalizeKey));
const OTHER = new Set(OTHER_VALUES.map(normalizeKey));

/** Fields whose true value means the customer wrote the turn. */
const CUSTOMER_FLAGS = new Set(['inbound', 'incoming', 'isinbound', 'iscustomer', 'fromcustomer']);
/** Fields whose true value means an agent wrote it. */
const AGENT_FLAGS = new Set(['isagent', 'fromagent', 'outbound', 'isoutbound']);

export function parseFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', 't', 'yes', 'y', '1'].includes(v)) return true;
  if (['false', 'f', 'no', 'n', '0'].includes(v)) return false;
  return undefined;
}

/** The role a value names, or undefined when it names none of them. */
export function roleOf(value: unknown, field: string): Role | undefined {
  const key = normalizeKey(field);
  if (CUSTOMER_FLAGS.has(key) || AGENT_FLAGS.has(key)) {
    const flag = parseFlag(value);
    if (flag === undefined) return undefined;
    return flag === CUSTOMER_FLAGS.has(key) ? 'customer' : 'agent';
  }
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
