import { describe, expect, it } from 'vitest';
import { isInternal, roleOf } from '../../src/conversations/roles.js';

describe('roleOf', () => {
  it('maps the role names of common exports', () => {
    for (const v of ['end-user', 'Requester', 'customer', 'VISITOR', 'user']) expect(roleOf(v, 'role')).toBe('customer');
    for (const v of ['agent', 'Admin', 'staff', 'operator', 'rep']) expect(roleOf(v, 'author_type')).toBe('agent');
    for (const v of ['system', 'bot', 'note']) expect(roleOf(v, 'role')).toBe('other');
  });

  it('reads inbound-style flags in either direction', () => {
    expect(roleOf('True', 'inbound')).toBe('customer');
    expect(roleOf(false, 'inbound')).toBe('agent');
    expect(roleOf('1', 'is_agent')).toBe('agent');
    expect(roleOf('maybe', 'inbound')).toBeUndefined();
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
