import { describe, expect, it } from 'vitest';
import { isInternal, parseRoleValues, RoleReader, roleOf } from '../../src/conversations/roles.js';

describe('roleOf', () => {
  it('maps the role names of common exports', () => {
    for (const v of ['end-user', 'Requester', 'customer', 'VISITOR', 'user']) expect(roleOf(v, 'role')).toBe('customer');
    for (const v of ['agent', 'Admin', 'staff', 'operator', 'rep']) expect(roleOf(v, 'author_type')).toBe('agent');
    for (const v of ['system', 'bot', 'note']) expect(roleOf(v, 'role')).toBe('other');
  });

  it('maps role values of several words, however they are spaced or cased', () => {
    for (const v of ['Support Agent', 'live_agent', 'Customer Service', 'customer-care', 'Help Desk']) expect(roleOf(v, 'sender_type')).toBe('agent');
    for (const v of ['Website Visitor', 'End Customer', 'passenger']) expect(roleOf(v, 'sender_type')).toBe('customer');
    for (const v of ['Chatbot', 'Virtual Assistant', 'AI Agent', 'auto-reply']) expect(roleOf(v, 'sender_type')).toBe('other');
  });

  it('reads inbound-style flags in either direction', () => {
    expect(roleOf('True', 'inbound')).toBe('customer');
    expect(roleOf(false, 'inbound')).toBe('agent');
    expect(roleOf('1', 'is_agent')).toBe('agent');
    expect(roleOf('maybe', 'inbound')).toBeUndefined();
  });

  it('reads the role an author object holds, and from_agent-style flags', () => {
    expect(roleOf({ type: 'admin', name: 'Priya' }, 'author')).toBe('agent');
    expect(roleOf({ role: 'end-user' }, 'sender')).toBe('customer');
    expect(roleOf({ name: 'Priya' }, 'sender')).toBeUndefined();
    expect(roleOf(true, 'from_agent')).toBe('agent');
    expect(roleOf('false', 'is_from_agent')).toBe('customer');
    expect(roleOf(true, 'from_customer')).toBe('customer');
  });

  it('leaves unknown values unknown, so they can be counted', () => {
    expect(roleOf('Jane', 'from')).toBeUndefined();
    expect(roleOf(null, 'role')).toBeUndefined();
  });
});

describe('isInternal', () => {
  it('treats public:false and private:true as internal notes', () => {
    expect(isInternal(false, 'public')).toBe(true);
    expect(isInternal(true, 'public')).toBe(false);
    expect(isInternal('true', 'private')).toBe(true);
    expect(isInternal(undefined, 'private')).toBe(false);
  });
});

describe('RoleReader', () => {
  const reader = (given = new Map()) => {
    const notes: string[] = [];
    return { notes, read: new RoleReader(given, (n) => notes.push(n)) };
  };

  it('reads "user" as an agent in a file that names its customers "customer" (Help Scout)', () => {
    const { notes, read } = reader();
    expect(['customer', 'user', 'customer', 'user'].map((v) => read.read(v, 'sender_type'))).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(notes).toEqual(['role value "user" read as agent (the file\'s customers are "customer")', 'role value "user" read as agent (the file\'s customers are "customer")']);
  });

  it('reads "user" as the customer beside admins and leads (Intercom), and says so', () => {
    const { notes, read } = reader();
    expect(['user', 'admin', 'lead', 'user'].map((v) => read.read(v, 'author_type'))).toEqual(['customer', 'agent', 'customer', 'customer']);
    expect(new Set(notes)).toEqual(new Set(['role value "user" read as the customer']));
  });

  it('keeps its first reading for the file and notes a customer word that comes after it', () => {
    const { notes, read } = reader();
    expect(['user', 'customer', 'user'].map((v) => read.read(v, 'role'))).toEqual(['customer', 'customer', 'customer']);
    expect(notes).toContain('role value "customer" after "user" was read as the customer: if "user" means agent, say so with --role-values user=agent');
  });

  it('lets --role-values decide, before the built-in words', () => {
    const { notes, read } = reader(parseRoleValues('user=agent, Wizard=customer,system=agent'));
    expect(['user', 'wizard', 'system', 'customer'].map((v) => read.read(v, 'role'))).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(notes).toEqual([]);
  });

  it('rejects a pair that is not VALUE=ROLE', () => {
    expect(() => parseRoleValues('user=staffer')).toThrow("--role-values: 'user=staffer' is not VALUE=ROLE with ROLE one of customer, agent, other.");
    expect(() => parseRoleValues('=agent')).toThrow(/is not VALUE=ROLE/);
  });
});
