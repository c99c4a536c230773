// Preloaded into a child attune process by test/cli/no-network.test.ts: any attempt to reach the
// network is recorded in ATTUNE_NET_LOG and refused.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

const log = (what) => appendFileSync(process.env.ATTUNE_NET_LOG, `${what}\n`);
const refuse = (what) => () => {
  log(what);
  throw new Error(`network access refused: ${what}`);
};
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
globalThis.fetch = refuse('fetch');
