// Reduces a turn to what its author wrote this time: HTML to text, quoted history, forwarded
// blocks, signatures and legal footers removed. The only module that imports html-to-text and entities.
import { decodeHTML } from 'entities';
import { convert } from 'html-to-text';
import { CLOSING_WORDS } from './evidence-text.js';

const HTML_TAG = /<\/?(?:p|div|br|span|b|i|u|em|strong|a|ul|ol|li|table|tr|td|blockquote|html|body|font|h[1-6])\b[^>]*>/i;
const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'blockquote', format: 'skip' },
    { selector: 'div.gmail_quote', format: 'skip' },
  ],
};

/** Where quoted history starts: everything from the first of these lines on was written before. */
const HISTORY_STARTS = [
  /^\s*On .{3,200}wrote:\s*$/im,
  /^\s*On .{3,120}\n.{0,120}wrote:\s*$/im,
  /^\s*-{2,}\s*Original Message\s*-{2,}/im,
  /^\s*-{2,}\s*Forwarded message\s*-{2,}/im,
  /^\s*Begin forwarded message:/im,
  /^\s*From: .+\n\s*(?:Sent|Date): .+/im,
  /^\s*_{10,}\s*$/m,
  // A helpdesk's reply marker: everything under it is the notification the customer answered
  // ("##- Please type your reply above this line -##" in every language Zendesk writes it).
  /^\s*##-.{0,120}-##\s*$/m,
  /^.{0,40}\breply above this line\b.{0,40}$/im,
  // "… wrote:" in the languages mail clients write it.
  /^.{3,200}(?:\ba écrit|\bschrieb|\bescribió|\bha scritto|\bschreef|\bskrev|\bnapisał(?:\(a\)|a)?|\bescreveu|\bkirjoitti|\bnapsal|\sнаписал(?:\(а\)|а)?)\s*:\s*$/im,
  // A client that writes only the date and the sender before the quoted lines.
  /^.{0,120}<[^<>\s@]+@[^<>\s]+>\s*:\s*\n\s*>/m,
];
const SIGNATURE_STARTS = [/^-- ?$/m, /^\s*Sent from my (?:iPhone|iPad|Android|mobile|Samsung|Galaxy|BlackBerry)\b.*$/im, /^\s*Get Outlook for (?:iOS|Android)\s*$/im];
const LEGAL_FOOTER = /^.*(?:this (?:e-?mail|message|communication)(?: and any (?:files|attachments)[^.]*)? (?:is|are|may be|contains?) (?:confidential|privileged|intended)|CONFIDENTIALITY NOTICE|if you (?:have )?received this (?:e-?mail|message) in error).*$/im;
/** A closing line ("Kind regards,") followed only by a few short lines (name, title, phone) is a signature. */
const CLOSING = new RegExp(`^\\s*${CLOSING_WORDS}\\s*,?\\s*$`, 'im');
/** No line break of any kind (the cuts' patterns treat U+2028 and U+2029 as breaks too) and no markup. */
const ONE_PLAIN_LINE = /^[^\n\r\u2028\u2029<]*$/;
const MAX_SIGNATURE_LINES = 5;
const MAX_SIGNATURE_LINE = 60;

/** A character reference: "&#39;", "&#x2019;", "&amp;", "&rsquo;". */
const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Text with HTML's character references decoded, as HTML-backed helpdesks and Twitter export even
 * their plain text ("I&#39;m so sorry", "Q&amp;A"): quotes show what the author typed, and phrases
 * match it. */
function decodeEntities(text: string): string {
  return text.includes('&') && ENTITY.test(text) ? decodeHTML(text) : text;
}

export function cleanText(raw: string): string {
  // One line without markup has no history, signature or footer to cut (every cut needs a line
  // after the first): most chat lines and tweets.
  if (ONE_PLAIN_LINE.test(raw)) return decodeEntities(raw).trim();
  let text = HTML_TAG.test(raw) ? convert(raw, HTML_OPTIONS) : decodeEntities(raw);
  text = text.replace(/\r\n?/g, '\n');
  text = cutAt(text, [...HISTORY_STARTS, ...SIGNATURE_STARTS, LEGAL_FOOTER]);
  // Quoted lines go, unless they are all there is: a tweet may start with ">" ("> 20 min on hold").
  const unquoted = text.split('\n').filter((line) => !/^\s*>/.test(line));
  if (unquoted.some((line) => line.trim() !== '')) text = unquoted.join('\n');
  text = dropSignatureAfterClosing(text);
  return text.trim();
}

function cutAt(text: string, patterns: RegExp[]): string {
  let end = text.length;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    // Never cut the whole turn: a message that starts with a quote keeps what follows it.
    if (match && match.index > 0 && match.index < end) end = match.index;
  }
  return text.slice(0, end);
}

function dropSignatureAfterClosing(text: string): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= Math.max(1, lines.length - MAX_SIGNATURE_LINES - 1); i--) {
    if (!CLOSING.test(lines[i]!)) continue;
    const after = lines.slice(i + 1).filter((l) => l.trim() !== '');
    if (after.length <= MAX_SIGNATURE_LINES && after.every((l) => l.length <= MAX_SIGNATURE_LINE)) return lines.slice(0, i + 1).join('\n');
  }
  return text;
}
