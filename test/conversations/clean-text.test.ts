import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/conversations/clean-text.js';
import { evidenceText, splitSignOff } from '../../src/conversations/evidence-text.js';

describe('cleanText', () => {
  it('turns HTML into text without links or images', () => {
    expect(cleanText('<p>Hi <b>there</b>,</p><p>see <a href="https://x.example">this page</a><img src="y.png"></p>')).toBe('Hi there,\n\nsee this page');
  });

  it('removes quoted history, forwarded blocks and > lines', () => {
    expect(cleanText('Thanks, fixed now.\n\nOn Mon, 1 Sep 2026 at 10:00, Maya <m@example.com> wrote:\n> old text')).toBe('Thanks, fixed now.');
    expect(cleanText('See below.\n-----Original Message-----\nFrom: a\nold')).toBe('See below.');
    expect(cleanText('New part\n---------- Forwarded message ---------\nold')).toBe('New part');
    expect(cleanText('Reply here\n> quoted\n> more')).toBe('Reply here');
    expect(cleanText('Answer\n\nFrom: Bob Smith\nSent: Monday\nTo: x')).toBe('Answer');
    // A JSON export may break lines with U+2028: the history is cut there too.
    expect(cleanText('Thanks, will do.\u2028On Mon, 3 Jun 2024, Ana wrote:\u2028old text')).toBe('Thanks, will do.');
  });

  it('removes signatures and legal footers but keeps the closing line', () => {
    expect(cleanText('Refund sent.\n\nKind regards,\nOwen Price\nBilling Team\n+44 20 7946 0000')).toBe('Refund sent.\n\nKind regards,');
    expect(cleanText('All good\n\nSent from my iPhone')).toBe('All good');
    expect(cleanText('Done.\n-- \nJo')).toBe('Done.');
    expect(cleanText('Done.\n\nThis email and any attachments are confidential and intended solely for the addressee.')).toBe('Done.');
  });

  it('decodes character references in plain text, as HTML-backed helpdesks export it', () => {
    expect(cleanText('I&#39;m so sorry &amp; I&rsquo;ll fix it today')).toBe('I\'m so sorry & I’ll fix it today');
    expect(cleanText('Refund sent&#x21;\n\nKind regards,\nOwen')).toBe('Refund sent!\n\nKind regards,');
    expect(cleanText('AT&T and R&D; no references here')).toBe('AT&T and R&D; no references here');
  });

  it('leaves plain messages alone and never empties a message that starts with a quote', () => {
    expect(cleanText('Thanks, that works!')).toBe('Thanks, that works!');
    expect(cleanText('On Monday I ordered a lamp and it never came.')).toBe('On Monday I ordered a lamp and it never came.');
    expect(cleanText('> 20 min on hold, again')).toBe('> 20 min on hold, again');
  });
});

describe('evidence text', () => {
  it('splits sign-off initials and names from the end of a message', () => {
    expect(splitSignOff('So sorry about that. *TMT')).toEqual({ text: 'So sorry about that.', signature: 'TMT' });
    expect(splitSignOff('Glad to help! -Becky')).toEqual({ text: 'Glad to help!', signature: 'Becky' });
    expect(splitSignOff('We will look into it ^KL 2/2')).toEqual({ text: 'We will look into it', signature: 'KL' });
    expect(splitSignOff('It works - Thanks')).toEqual({ text: 'It works - Thanks', signature: null });
    expect(splitSignOff('Call us on 1/2')).toEqual({ text: 'Call us on 1/2', signature: null });
  });

  it('blanks template placeholders so they never count as evidence', () => {
    const text = evidenceText('Dear {{ticket.requester.first_name}}, we sent [AMOUNT] to %name% and {user}. ^JK');
    expect(text).not.toMatch(/ticket|requester|AMOUNT|name|user|JK/);
  });
});

describe('cleanText on email replies from other clients and helpdesks', () => {
  it('cuts a helpdesk reply marker and the notification under it', () => {
    expect(cleanText('Thanks, that worked!\n\n##- Please type your reply above this line -##\n\nYour request (123) has been updated.\nAgent: it is not my problem')).toBe('Thanks, that worked!');
    expect(cleanText('Danke!\n\n##- Bitte geben Sie Ihre Antwort über dieser Zeile ein. -##\n\nalt')).toBe('Danke!');
    expect(cleanText('Still broken.\n\n-- Reply above this line --\n\nWe apologize')).toBe('Still broken.');
  });

  it('cuts "wrote:" headers in other languages, and a date-and-sender header before quoted lines', () => {
    for (const header of [
      'Le lun. 1 janv. 2024 à 10:00, Acme <support@acme.example> a écrit :',
      'Am Mo., 1. Jan. 2024 um 10:00 Uhr schrieb Acme <support@acme.example>:',
      'El lun, 1 ene 2024 a las 10:00, Acme (<support@acme.example>) escribió:',
      'Op ma 1 jan. 2024 om 10:00 schreef Acme <support@acme.example>:',
      'Acme <support@acme.example> написал(а):',
      '2024-01-01 10:00 GMT+01:00 Acme <support@acme.example>:',
    ]) {
      expect(cleanText(`Still broken.\n\n${header}\n> We are sorry`), header).toBe('Still broken.');
    }
  });

  it('keeps a customer line that only mentions writing', () => {
    expect(cleanText('I wrote to you twice.\nMy friend Ana schreef: nothing came back')).toBe('I wrote to you twice.\nMy friend Ana schreef: nothing came back');
  });
});
