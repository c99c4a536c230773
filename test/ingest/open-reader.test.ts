import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openReader } from '../../src/ingest/open-reader.js';
import { sniffDelimiter, sniffFormat } from '../../src/ingest/sniff-format.js';
import { VENDOR_HINT } from '../../src/ingest/vendors/vendor-json.js';
import type { InputFormat, SourceRecord } from '../../src/ingest/source-record.js';

async function readerOf(text: string, skipped: string[] = []): Promise<string> {
  const context = { file: '-', strict: false, agents: new Set<string>(), skip: (reason: string) => void skipped.push(reason), note: () => {} };
  const opened = await openReader({ display: '-', path: null }, { from: 'auto', stdin: Readable.from([Buffer.from(text)]), people: new Map(), context });
  for await (const record of opened.records) void record;
  return opened.reader;
}

async function readAll(text: string | Buffer, display = '-', forced?: InputFormat): Promise<{ format: string; records: SourceRecord[] }> {
  const stdin = Readable.from([Buffer.from(text)]);
  const context = { file: display, strict: true, agents: new Set<string>(), skip: () => {}, note: () => {} };
  const opened = await openReader({ display, path: null }, { from: 'generic', stdin, people: new Map(), context, ...(forced ? { inputFormat: forced } : {}) });
  const records: SourceRecord[] = [];
  for await (const record of opened.records) records.push(record);
  return { format: opened.format ?? '', records };
}

describe('format sniffing', () => {
  it('goes by extension when it is unambiguous', () => {
    expect(sniffFormat('a.jsonl', Buffer.from('[]'))).toBe('ndjson');
    expect(sniffFormat('a.csv', Buffer.from('{'))).toBe('csv');
  });

  it('tells JSON from NDJSON by content', () => {
    expect(sniffFormat('-', Buffer.from('[{"a":1}]'))).toBe('json');
    expect(sniffFormat('-', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('ndjson');
    expect(sniffFormat('x.json', Buffer.from('{\n  "tickets": []\n}'))).toBe('json');
    expect(sniffFormat('-', Buffer.from('\uFEFFid,text\n1,hi'))).toBe('csv');
  });

  it('picks the delimiter that splits the header into the most fields', () => {
    expect(sniffDelimiter(Buffer.from('a;b;c\n1;2;3'))).toBe(';');
    expect(sniffDelimiter(Buffer.from('a\tb\tc\n'))).toBe('\t');
    expect(sniffDelimiter(Buffer.from('"a;b",c,d\n'))).toBe(',');
    expect(sniffDelimiter(Buffer.from('Tickets, November\n'))).toBe(',');
    expect(sniffDelimiter(Buffer.from('Tickets November\n\nid;role;text\n'))).toBe(';');
  });
});

describe('CSV reading', () => {
  it('reads semicolon files with quoted newlines and gives each record its start line', async () => {
    const { format, records } = await readAll('id;text\n1;"two\nlines"\n\n2;plain\n');
    expect(format).toBe('csv');
    expect(records.map((r) => [r.fields.id, r.fields.text, r.line])).toEqual([
      ['1', 'two\nlines', 2],
      ['2', 'plain', 5],
    ]);
  });

  it('strips a UTF-8 byte-order mark from the header', async () => {
    const { records } = await readAll('\uFEFFid,text\n1,hi\n');
    expect(Object.keys(records[0]!.fields)).toEqual(['id', 'text']);
  });

  it('reads a name the header holds twice from its first column, and names the second name_2', async () => {
    const { records } = await readAll('id,Text,text,TEXT,\n1,first,second,third,blank\n');
    expect(records[0]!.fields).toEqual({ id: '1', Text: 'first', text_2: 'second', TEXT_3: 'third', column5: 'blank' });
  });

  it.each([
    ['a report title', '"Support tickets, November"\n\nid;role;text\n1;customer;hi\n', 4, 'title row'],
    ["Excel's separator line", 'sep=;\nid;role;text\n1;customer;hi\n', 3, "Excel's separator line (sep=…)"],
    ["Excel's separator line naming a colon", 'sep=:\nid:role:text\n1:customer:hi\n', 3, "Excel's separator line (sep=…)"],
  ])('passes over %s above the header, noted with its line, and finds the delimiter under it', async (_, text, line, what) => {
    const notes: string[] = [];
    const context = { file: 'report.csv', strict: true, agents: new Set<string>(), skip: () => {}, note: (reason: string) => void notes.push(reason) };
    const stdin = Readable.from([Buffer.from(text)]);
    const opened = await openReader({ display: 'report.csv', path: null }, { from: 'generic', stdin, people: new Map(), context });
    const records: SourceRecord[] = [];
    for await (const record of opened.records) records.push(record);
    expect(records.map((r) => [r.fields, r.line])).toEqual([[{ id: '1', role: 'customer', text: 'hi' }, line]]);
    expect(notes).toEqual([`${what} above the header, at report.csv:1: not read`]);
  });

  it('reads a one-column file whose rows are single cells: its first row is the header', async () => {
    const { records } = await readAll('text\nhello there\nmy order is late\n');
    expect(records.map((r) => [r.fields, r.line])).toEqual([[{ text: 'hello there' }, 2], [{ text: 'my order is late' }, 3]]);
  });

  it('names the line of a row with more fields than the header', async () => {
    await expect(readAll('id,text\n1,hi\n2,hi,extra\n')).rejects.toThrowError('-:3: row has 3 fields but the header has 2.');
  });

  it('names an unclosed quote at the line of the record it opens', async () => {
    await expect(readAll('id,text\n1,"never closed\n2,x\n')).rejects.toThrowError('-:2: a quoted field is never closed.');
    await expect(readAll('id,text\n1,hi\n\n\n2,"never closed\n3,x\n')).rejects.toThrowError('-:5: a quoted field is never closed.');
  });

  it('reads every record before an unclosed quote, then counts the rest as one skipped stretch with its line', async () => {
    const skipped: [string, string | undefined][] = [];
    const context = { file: 'x.csv', strict: false, agents: new Set<string>(), skip: (reason: string, _n?: number, at?: string) => void skipped.push([reason, at]), note: () => {} };
    const stdin = Readable.from([Buffer.from('id,text\n1,hi\n2,there\n3,"never closed\n4,x\n')]);
    const opened = await openReader({ display: 'x.csv', path: null }, { from: 'generic', stdin, people: new Map(), context });
    const ids: unknown[] = [];
    for await (const record of opened.records) ids.push(record.fields.id);
    expect(ids).toEqual(['1', '2']);
    expect(skipped).toEqual([['a quoted field is never closed: the rest of the file was not read', 'x.csv:4']]);
  });
  it('reads exports joined with cat: a copy of the header further down is noted once, with its line, not read as a row', async () => {
    const notes: string[] = [];
    const context = { file: 'x.csv', strict: true, agents: new Set<string>(), skip: () => {}, note: (reason: string) => void notes.push(reason) };
    const part = '\uFEFFid,text\n1,hi\n';
    const stdin = Readable.from([Buffer.from(part + part + part)]);
    const opened = await openReader({ display: 'x.csv', path: null }, { from: 'generic', stdin, people: new Map(), context });
    const rows: unknown[] = [];
    for await (const record of opened.records) rows.push([record.fields.id, record.line]);
    expect(rows).toEqual([['1', 2], ['1', 4], ['1', 6]]);
    expect(notes).toEqual(Array(2).fill('header row repeated inside the file (exports joined together?), first at x.csv:3: not read as a turn'));
  });
});

describe('JSON and NDJSON reading', () => {
  it('reads NDJSON with blank lines and keeps line numbers', async () => {
    const { records } = await readAll('{"a":1}\n\n{"a":2}\n', 'x.ndjson');
    expect(records.map((r) => [r.fields.a, r.line])).toEqual([[1, 1], [2, 3]]);
  });

  it('reads NDJSON files joined with cat, each part with its byte-order mark', async () => {
    const { records } = await readAll('\uFEFF{"a":1}\n\uFEFF{"a":2}\n', 'x.ndjson');
    expect(records.map((r) => [r.fields.a, r.line])).toEqual([[1, 1], [2, 2]]);
  });

  it('reads API pages appended to one file, by the vendor the first names, and names the line of text after one', async () => {
    const page = (id: number) => JSON.stringify({ tickets: [{ id, requester_id: 5, via: { channel: 'email' }, comments: [{ author_id: 5, public: true, plain_body: `ticket ${id}` }] }], next_page: null }, null, 1);
    const stdin = Readable.from([Buffer.from(`${page(1)}\n${page(2)}\n`)]);
    const context = { file: 'p.json', strict: true, agents: new Set<string>(), skip: () => {}, note: () => {} };
    const opened = await openReader({ display: 'p.json', path: null }, { from: 'auto', stdin, people: new Map(), context });
    const ids: unknown[] = [];
    for await (const record of opened.records) ids.push(record.fields.conversation_id);
    expect([opened.reader, ids]).toEqual(['zendesk', ['1', '2']]);
    const broken = Readable.from([Buffer.from(`${page(1)}\n\nnext page:`)]);
    // The text stands two lines below the page's last.
    const lines = page(1).split('\n').length;
    await expect(openReader({ display: 'p.json', path: null }, { from: 'auto', stdin: broken, people: new Map(), context })).rejects.toThrowError(`p.json:${lines + 2}: unexpected text after the end of the JSON document.`);
  });

  it('names the broken NDJSON line', async () => {
    await expect(readAll('{"a":1}\n{"a":\n', 'x.ndjson')).rejects.toThrowError(/^x\.ndjson:2: not valid JSON/);
  });

  it('rejects a JSON array of non-objects, naming the line', async () => {
    await expect(readAll('[\n1,\n2]', 'x.json')).rejects.toThrowError('x.json:2: expected a JSON object, found number.');
  });

  it('reads Help Scout conversations whatever key comes first, and leaves a common "createdBy" to the generic reader', async () => {
    const thread = (type: string, by: string, body: string) => ({ type, body, createdBy: { id: 1, type: by }, createdAt: '2025-01-01T00:00:00Z' });
    const conversation = { id: 7, number: 70, _embedded: { customer: { id: 1 }, threads: [thread('message', 'user', 'Sorted!'), thread('customer', 'customer', 'Help?')] } };
    expect(await readerOf(JSON.stringify(conversation))).toBe('helpscout');
    expect(await readerOf(JSON.stringify({ _embedded: { conversations: [conversation] } }))).toBe('helpscout');
    // The API's list leaves threads out unless asked: such a conversation is skipped with the fix, not dropped.
    const skipped: string[] = [];
    expect(await readerOf(JSON.stringify({ _embedded: { conversations: [{ id: 8, number: 80, mailboxId: 3 }, conversation] } }), skipped)).toBe('helpscout');
    expect(skipped).toEqual(['Help Scout conversation without its threads (list conversations with embed=threads)']);
    // A generic export with its own "createdBy" is streamed, not read whole as a vendor document.
    const generic = JSON.stringify([{ conversation_id: 'c1', role: 'customer', text: 'hi', createdBy: 'bob' }]);
    expect(VENDOR_HINT.test(generic)).toBe(false);
    expect(await readerOf(generic)).toBe('generic');
  });

  it('honours a forced format', async () => {
    const { format, records } = await readAll('{"a":1}\n{"a":2}\n', 'data.txt', 'ndjson');
    expect(format).toBe('ndjson');
    expect(records).toHaveLength(2);
  });
});
