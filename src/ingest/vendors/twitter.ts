// Twitter customer-support threads (the "Customer Support on Twitter" layout: tweet_id, author_id,
// inbound, created_at, text, response_tweet_id, in_response_to_tweet_id). Threads are rebuilt from the
// reply ids; company accounts (inbound False) are agents, named by their sign-off initials when present.
import { CONTINUED, splitSignOff } from '../../conversations/evidence-text.js';
import type { SourceRecord } from '../source-record.js';
import { conversationRecord, inheritSignatures, type NormalTurn } from './normal-record.js';
import type { ReaderContext, ReaderResult } from './vendor-reader.js';
import { parseTime } from '../../conversations/parse-time.js';

interface Tweet {
  id: string;
  author: string;
  inbound: boolean;
  time: number;
  created: string;
  text: string;
  line: number;
  /** The name its record goes by (a workbook's later worksheet has its own). */
  file: string;
  links: string[];
}

export function isTwitterHeader(header: string): boolean {
  const h = header.toLowerCase();
  return h.includes('tweet_id') && h.includes('in_response_to_tweet_id') && h.includes('inbound');
}

export function readTwitter(records: AsyncGenerator<SourceRecord>, ctx: ReaderContext): ReaderResult {
  let companies = 0;
  let signed = 0;
  let read = 0;
  async function* run(): AsyncGenerator<SourceRecord> {
    const tweets = new Map<string, Tweet>();
    for await (const { fields, line, file } of records) {
      read += 1;
      const id = String(fields.tweet_id ?? '').trim();
      const inbound = String(fields.inbound ?? '').trim().toLowerCase();
      const text = String(fields.text ?? '').trim();
      if (id === '' || tweets.has(id)) {
        ctx.skip(id === '' ? 'tweet without a tweet_id' : 'tweet id seen twice (later copy skipped)', 1, `${file}:${line}`);
        continue;
      }
      if (inbound !== 'true' && inbound !== 'false') {
        ctx.skip('tweet whose inbound is neither True nor False', 1, `${file}:${line}`);
        continue;
      }
      const links = [fields.in_response_to_tweet_id, ...String(fields.response_tweet_id ?? '').split(',')].map((x) => String(x ?? '').trim().replace(/\.0$/, '')).filter((x) => x !== '');
      const created = String(fields.created_at ?? '');
      tweets.set(id, { id, author: String(fields.author_id ?? '').trim(), inbound: inbound === 'true', time: parseTime(created) ?? 0, created, text, line, file, links });
    }
    const root = unionThreads(tweets);
    const threads = new Map<string, Tweet[]>();
    for (const tweet of tweets.values()) {
      const key = root(tweet.id);
      const list = threads.get(key);
      if (list) list.push(tweet);
      else threads.set(key, [tweet]);
    }
    const seenCompanies = new Set<string>();
    for (const thread of threads.values()) {
      thread.sort((a, b) => a.time - b.time || Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
      const signatures: (string | null)[] = [];
      const turns: NormalTurn[] = thread.map((t) => {
        const { text, signature } = splitSignOff(stripMentions(t.text));
        if (!t.inbound) {
          seenCompanies.add(t.author);
          if (signature) signed += 1;
        }
        signatures.push(signature);
        return {
          role: t.inbound ? 'customer' : 'agent',
          agent: t.inbound ? null : signature ? `${t.author}/${signature}` : null,
          text,
          created_at: t.created,
          line: t.line,
        };
      });
      signed += inheritSignatures(turns, CONTINUED);
      // Unsigned company tweets are the company account itself.
      turns.forEach((turn, i) => {
        if (turn.role === 'agent' && turn.agent === null) turn.agent = thread[i]!.author;
      });
      yield conversationRecord(thread[0]!.file, thread[0]!.line, { conversation_id: thread[0]!.id, channel: 'twitter', turns });
    }
    companies = seenCompanies.size;
  }
  return {
    records: run(),
    recordsRead: () => read,
    decided: () => `threads rebuilt from reply ids; ${companies} company accounts (inbound False) are agents, ${signed} agent tweets named by sign-off initials`,
  };
}

/** Union-find over reply links: every tweet lands in exactly one thread. */
function unionThreads(tweets: Map<string, Tweet>): (id: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let x = id;
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    let y = id;
    while (y !== x) {
      const next = parent.get(y)!;
      parent.set(y, x);
      y = next;
    }
    return x;
  };
  for (const tweet of tweets.values()) {
    parent.set(tweet.id, parent.get(tweet.id) ?? tweet.id);
    for (const link of tweet.links) {
      if (!tweets.has(link)) continue;
      parent.set(link, parent.get(link) ?? link);
      const a = find(tweet.id);
      const b = find(link);
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  return find;
}

function stripMentions(text: string): string {
  return text.replace(/^(?:@\w+\s*)+/, '').trim();
}
