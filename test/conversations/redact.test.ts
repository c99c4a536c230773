import { describe, expect, it } from 'vitest';
import { redact } from '../../src/conversations/redact.js';
import { runCli } from '../helpers.js';

describe('redact', () => {
  it('masks emails, phone numbers, card numbers, IBANs and order-like numbers', () => {
    expect(redact('Mail jo.smith+x@example.co.uk or call +44 20 7946 0958.')).toBe('Mail [email] or call [phone].');
    expect(redact('Card 4111 1111 1111 1111 please')).toBe('Card [card] please');
    expect(redact('IBAN DE89 3704 0044 0532 0130 00 please')).toBe('IBAN [iban] please');
    expect(redact('Order #48213 and ref AB-1234567')).toBe('Order [number] and ref [number]');
  });

  it('leaves dates, times, prices and short numbers alone', () => {
    expect(redact('On 2026-10-01 at 10:00 we refunded 39.90 EUR for 3 items.')).toBe('On 2026-10-01 at 10:00 we refunded 39.90 EUR for 3 items.');
  });

  it('masks every quote of the reports', async () => {
    const stdin = 'conversation_id,role,agent,text\n1,customer,,"Order #48213 never came, mail me at ann@example.com. Terrible!"\n1,agent,Bo,"Calm down, ann@example.com, order #48213 is fine."\n';
    for (const format of ['csv', 'md', 'json']) {
      const plain = await runCli(['audit', '-', '--coaching', '5', '--format', format], { stdin });
      expect(plain.stdout).toContain('ann@example.com');
      const masked = await runCli(['audit', '-', '--coaching', '5', '--format', format, '--redact'], { stdin });
      expect(masked.stdout).not.toMatch(/ann@example|48213/);
      expect(masked.stdout).toMatch(/\\?\[email\\?\]/);
    }
    const html = await runCli(['audit', '-', '--format', 'html', '--redact'], { stdin });
    expect(html.stdout).not.toMatch(/ann@example|48213/);
  });
});
