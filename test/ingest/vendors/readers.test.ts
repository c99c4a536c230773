// Reader behaviour beyond the golden cases: accounting of every record, sniffing, and agent decisions.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../helpers.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function audit(file: string, ...args: string[]) {
  const r = await runCli(['audit', file, '--format', 'json', ...args]);
  return { ...r, report: r.code === 0 ? JSON.parse(r.stdout) : null };
}

describe('twitter threads', () => {
  it('puts every tweet in exactly one thread or counts it as skipped, even with bare carriage returns', async () => {
    const rows = [',tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id'];
    // Three threads, one reply whose parent is missing, one tweet with bare CRs, one duplicate id.
    rows.push('0,1,100,True,Mon Oct 02 10:00:00 +0000 2026,@Co hello\r\rline two,2,');
    rows.push('1,2,Co,False,Mon Oct 02 10:01:00 +0000 2026,@100 hi ^AB,3,1');
    rows.push('2,3,100,True,Mon Oct 02 10:02:00 +0000 2026,@Co thanks,,2');
    rows.push('3,4,101,True,Mon Oct 02 10:03:00 +0000 2026,@Co reply to nothing,,99');
    rows.push('4,4,101,True,Mon Oct 02 10:04:00 +0000 2026,@Co duplicate,,');
    rows.push('5,5,102,maybe,Mon Oct 02 10:05:00 +0000 2026,@Co odd,,');
    const { report } = await audit(write('twcs.csv', `${rows.join('\n')}\n`));
    expect(report.inputs[0].reader).toBe('twitter');
    expect(report.totals.records).toBe(6);
    expect(report.totals.conversations).toBe(2);
    expect(report.totals.turns).toEqual({ customer: 3, agent: 1, other: 0 });
    expect(report.totals.skipped).toEqual({ 'tweet id seen twice (later copy skipped)': 1, 'tweet whose inbound is neither True nor False': 1 });
    expect(report.agents.map((a: { agent: string }) => a.agent)).toEqual(['Co/AB']);
  });
});

describe('live chat', () => {
  it('treats the first speaker as the customer when nobody joins, and names agents from --agents', async () => {
    const file = write('chat.txt', '(10:00:00 AM) Ana: your order ships Monday\n(10:01:00 AM) Ben: ok thanks\n');
    const first = await audit(file);
    expect(first.report.agents.map((a: { agent: string }) => a.agent)).toEqual(['Ben']);
    expect(first.report.inputs[0].decided).toContain('did not speak first');
    const named = await audit(file, '--agents', 'Ana');
    expect(named.report.agents.map((a: { agent: string }) => a.agent)).toEqual(['Ana']);
    expect(named.report.inputs[0].decided).toContain('named with --agents');
  });

  it('says how many conversations have one speaker and no agent, read as the customer\'s', async () => {
    const file = write('alone.txt', 'Chat started: one\n(10:00:00 AM) Priya: Omar, your parcel leaves the warehouse next week.\nChat started: two\n(11:00:00 AM) Ana: my order is late\n(11:01:00 AM) Customer Service: so sorry about that\n');
    const alone = await audit(file);
    expect(alone.report.totals.turns).toEqual({ customer: 2, agent: 1, other: 0 });
    expect(alone.report.inputs[0].decided).toContain("1 conversation with one speaker and no agent, read as the customer's (name agents with --agents if they are)");
    const named = await audit(file, '--agents', 'Priya');
    expect(named.report.totals.turns).toEqual({ customer: 1, agent: 2, other: 0 });
    expect(named.report.inputs[0].decided).not.toContain('one speaker');
  });

  it('reads logs with 24-hour clocks, bracketed times and ISO dates, and takes the dates for --by month', async () => {
    const lines = ['my board shuts off randomly', 'Hi Dana, sorry to hear that, let me check'];
    for (const [name, stamps] of [['h24.txt', ['(14:02:11)', '(14:03:00)']], ['brackets.log', ['[14:02]', '[14:03]']], ['iso.txt', ['[2026-11-02 14:02:11]', '2026-11-02 14:03:00']]] as const) {
      const file = write(name, `${stamps[0]} Dana Lowe: ${lines[0]}\n${stamps[1]} Sam: ${lines[1]}\n`);
      const { code, report } = await audit(file, '--agents', 'Sam', '--by', 'month');
      expect(code, name).toBe(0);
      expect(report.inputs[0].reader, name).toBe('chat');
      expect(report.totals.turns, name).toEqual({ customer: 1, agent: 1, other: 0 });
      expect(report.agents.map((a: { agent: string }) => a.agent), name).toEqual([name === 'iso.txt' ? '2026-11' : '(no date)']);
    }
  });

  it('never takes a CSV or TSV whose rows start with a time for a chat log', async () => {
    const tsv = write('times.tsv', 'time\tticket\trole\ttext\n14:02\t7\tcustomer\tHello: is my order late?\n14:03\t7\tagent\tSorry: let me look\n');
    const { report } = await audit(tsv);
    expect(report.inputs[0].reader).toBe('generic');
    expect(report.totals.turns).toEqual({ customer: 1, agent: 1, other: 0 });
  });

  it('names the line of each turn of a log without a "Chat started:" header', async () => {
    const file = write('bare.log', '(10:00:00 AM) Ana: my order is late\n(10:01:00 AM) Customer Service: so sorry about that\n');
    const r = await runCli(['audit', file, '--format', 'json', '--turns', path.join(dir, 'bare-turns.ndjson')]);
    expect(r.code, r.stderr).toBe(0);
    const sources = readFileSync(path.join(dir, 'bare-turns.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).source);
    expect(sources).toEqual([`${file}:1`, `${file}:2`]);
  });
});

describe('WhatsApp chat exports', () => {
  const android = [
    '12/30/25, 9:14\u202fPM - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
    '12/30/25, 9:15\u202fPM - Kai Brandt: the charger I got is the wrong plug',
    'it does not fit any socket here',
    '12/30/25, 9:15\u202fPM - Kai Brandt: <Media omitted>',
    '12/30/25, 9:20\u202fPM - Volt Store: So sorry about that! We will send the right one tomorrow.',
    '1/14/26, 10:02\u202fAM - Kai Brandt: arrived, thanks',
  ].join('\n');

  it('reads an Android export: each message a turn at its line, continuation lines joined, notices and media not turns', async () => {
    const file = write('WhatsApp Chat with Kai Brandt.txt', `${android}\n`);
    const r = await runCli(['audit', file, '--agents', 'Volt Store', '--format', 'json', '--turns', path.join(dir, 'wa-turns.ndjson')]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.inputs[0].reader).toBe('chat');
    expect(report.totals.turns).toEqual({ customer: 2, agent: 1, other: 0 });
    expect(report.totals.notes).toEqual({
      'media, a deleted message, a call or a notice in a WhatsApp chat: not a turn': 1,
      'message from WhatsApp itself (encryption notice, a changed number): not a turn': 1,
    });
    const turns = readFileSync(path.join(dir, 'wa-turns.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(turns.map((t) => [t.role, t.source.split(':').pop()])).toEqual([['customer', '2'], ['agent', '5'], ['customer', '6']]);
    expect(turns[1].findings.map((f: { category: string }) => f.category)).toContain('apology');
  });

  it('reads its dates in the order they show (a day after the 12th), for --by month; else keeps file order with a note', async () => {
    const byMonth = await audit(write('android.txt', `${android}\n`), '--agents', 'Volt Store', '--by', 'month');
    expect(byMonth.report.agents.map((a: { agent: string }) => a.agent)).toEqual(['2025-12']);
    const european = write('eu.txt', '03.02.26, 21:15 - Kai Brandt: wrong plug again\n04.02.26, 09:01 - Volt Store: Sorry, a new one ships today.\n');
    const unknown = await audit(european, '--agents', 'Volt Store', '--by', 'month');
    expect(unknown.report.totals.turns).toEqual({ customer: 1, agent: 1, other: 0 });
    expect(Object.keys(unknown.report.totals.notes)).toEqual([`WhatsApp dates whose day and month cannot be told apart (no day after the 12th), first at ${european}:1: read without dates, in file order`]);
  });

  it('is found in folders by its first lines, as other chat logs are', async () => {
    const { resolveInputs } = await import('../../../src/ingest/resolve-inputs.js');
    mkdirSync(path.join(dir, 'wa'));
    writeFileSync(path.join(dir, 'wa/WhatsApp Chat.txt'), `${android}\n`);
    writeFileSync(path.join(dir, 'wa/notes.txt'), '12/30/25 call Kai back\n');
    expect((await resolveInputs(['wa'], dir)).map((s) => path.basename(s.display))).toEqual(['WhatsApp Chat.txt']);
  });
});

describe('--from', () => {
  it('refuses a file that is not in the forced layout', async () => {
    const file = write('plain.csv', 'conversation_id,role,text\n1,customer,hi\n');
    const r = await runCli(['audit', file, '--from', 'twitter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from twitter');
  });

  it('reads recorded API responses and reports macros as not conversations', async () => {
    const file = write('macros.json', JSON.stringify({ _request: { uri: 'x' }, body: { macros: [{ id: 1, title: 'Hi', actions: [] }] } }));
    const { code, report } = await audit(file);
    expect(code).toBe(0);
    expect(report.totals.conversations).toBe(0);
    expect(Object.keys(report.totals.notes)[0]).toMatch(/^macros, not conversations/);
  });
});

describe('--agent-map', () => {
  it('names agents and rejects a map without names, naming the line', async () => {
    const data = write('d.csv', 'conversation_id,role,agent,text\n1,customer,,help\n1,agent,a7,Sure thing\n');
    const map = write('map.csv', 'id,name,team\na7,Alma Ruiz,Billing\n');
    const { report } = await audit(data, '--agent-map', map, '--by', 'team');
    expect(report.by).toBe('team');
    expect(report.agents.map((a: { agent: string }) => a.agent)).toEqual(['Billing']);
    const bad = write('bad-map.csv', 'id,name\na7,\n');
    const r = await runCli(['audit', data, '--agent-map', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-map.csv:2: each agent needs an id (or initials) and a name.');
  });
});

describe('one record per line and CSV vendor exports', () => {
  it('reads a Zendesk export with one ticket per line', async () => {
    const line = (id: number, text: string) => JSON.stringify({ id, requester_id: 1, via: { channel: 'email' }, comments: [{ author_id: 1, public: true, plain_body: text }, { author_id: 2, public: true, plain_body: 'We are on it.' }] });
    const { report } = await audit(write('tickets.ndjson', `${line(1, 'Broken again')}\n${line(2, 'Still broken')}\n`));
    expect(report.inputs[0].reader).toBe('zendesk');
    expect(report.totals.conversations).toBe(2);
    expect(report.totals.turns).toEqual({ customer: 2, agent: 2, other: 0 });
  });

  it('reads a Freshdesk conversations CSV, private notes counted as other', async () => {
    const csv = 'ticket_id,incoming,private,user_id,body_text\n7,true,false,1,My refund is late\n7,false,true,9,check ledger\n7,false,false,9,Sorry! Refund sent today.\n';
    const { report } = await audit(write('fd.csv', csv));
    expect(report.inputs[0].reader).toBe('freshdesk');
    expect(report.totals.turns).toEqual({ customer: 1, agent: 1, other: 1 });
    expect(report.agents[0].agent).toBe('freshdesk agent 9');
  });
});

describe('HTML-escaped tweets', () => {
  it('quote what the author typed, not the escapes', async () => {
    const tweets = write('escaped.csv', [
      ',tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id',
      '0,1,100,True,Mon Oct 02 10:00:00 +0000 2026,@Co late again &amp; no refund. Awful &gt;:(,2,',
      '1,2,Co,False,Mon Oct 02 10:05:00 +0000 2026,@100 Check the FAQ &amp; the app. ^AB,,1',
    ].join('\n'));
    const threads = write('escaped-threads.csv', [
      'first_tweet_id,tag,first_utterance,context',
      '7,UNK,"<cust__  __company__  late again &amp; no refund. Awful __cust>","<rep__  __cust__  Check the FAQ &amp; the app. *AB __rep>"',
    ].join('\n'));
    for (const file of [tweets, threads]) {
      const { report } = await audit(file);
      const quotes = JSON.stringify(report.agents.flatMap((a: { coaching: unknown[] }) => a.coaching));
      expect(quotes).toContain('late again & no refund');
      expect(quotes).toContain('Check the FAQ & the app');
      expect(quotes).not.toContain('&amp;');
    }
  });
});
