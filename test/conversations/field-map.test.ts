import { describe, expect, it } from 'vitest';
import { missingFieldError, parseMapOption, resolveFields } from '../../src/conversations/field-map.js';

describe('resolveFields', () => {
  it('finds fields by common names, ignoring case, spaces and separators', () => {
    const fields = resolveFields(['Ticket ID', 'Author-Type', 'Agent Name', 'Body', 'createdAt'], ['conversation', 'role', 'agent', 'text', 'time'], {});
    expect(fields).toEqual({ conversation: 'Ticket ID', role: 'Author-Type', agent: 'Agent Name', text: 'Body', time: 'createdAt' });
  });

  it('reads the column names of Salesforce, Amazon Connect, ServiceNow and Jira exports without --map', () => {
    const all = ['conversation', 'role', 'agent', 'text', 'time'] as const;
    expect(resolveFields(['Case Number', 'Incoming', 'From Name', 'Text Body', 'Message Date'], [...all], {})).toEqual({ conversation: 'Case Number', role: 'Incoming', agent: 'From Name', text: 'Text Body', time: 'Message Date' });
    expect(resolveFields(['ContactId', 'ParticipantRole', 'DisplayName', 'Content', 'AbsoluteTime'], [...all], {})).toEqual({ conversation: 'ContactId', role: 'ParticipantRole', agent: 'DisplayName', text: 'Content', time: 'AbsoluteTime' });
    expect(resolveFields(['number', 'sys_created_on', 'sys_created_by', 'value'], ['text', 'time'], {})).toEqual({ text: 'value', time: 'sys_created_on' });
    expect(resolveFields(['Issue key', 'Comment Body', 'Author Email', 'Created'], ['conversation', 'text', 'agent', 'time'], {})).toEqual({ conversation: 'Issue key', text: 'Comment Body', agent: 'Author Email', time: 'Created' });
  });

  it('prefers the user --map over the names it knows', () => {
    const fields = resolveFields(['conversation_id', 'thread', 'text'], ['conversation', 'text'], { conversation: 'THREAD' });
    expect(fields.conversation).toBe('thread');
  });

  it('accepts a nested conversation id called plain id', () => {
    expect(resolveFields(['id', 'messages'], ['conversation'], {}, { nested: true }).conversation).toBe('id');
    expect(resolveFields(['id', 'text'], ['conversation'], {}).conversation).toBeUndefined();
  });

  it('does not use one field for two purposes', () => {
    const fields = resolveFields(['author', 'text'], ['role', 'agent', 'text'], {});
    expect(fields.role).toBeUndefined();
    expect(fields.agent).toBe('author');
  });
});

describe('--map', () => {
  it('parses NAME=FIELD pairs', () => {
    expect(parseMapOption('conversation=ticket_id, role=sender,text=body')).toEqual({ conversation: 'ticket_id', role: 'sender', text: 'body' });
  });

  it('rejects unknown names and malformed pairs', () => {
    expect(() => parseMapOption('colour=red')).toThrowError(/'colour=red' is not NAME=FIELD/);
    expect(() => parseMapOption('text')).toThrowError(/'text' is not NAME=FIELD/);
  });

  it('builds an error that lists the fields found and the --map that fixes it', () => {
    const message = missingFieldError('x.csv', 'text', ['ticket', 'who', 'words'], {}).message;
    expect(message).toBe('x.csv: cannot tell which field holds the text. Fields found: ticket, who, words. Name it with --map text=<field> (for example --map text=ticket).');
  });
});
