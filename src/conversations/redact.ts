// --redact: personal data masked in every quote attune writes (evidence, coaching items, per-turn
// findings). What is caught: emails, card numbers (Luhn-checked), IBANs, phone numbers, and order-like
// numbers (#1234, or five or more digits). What is not: names, street addresses, free-text dates.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
const PHONE = /(?:\+|\b00)?\(?\d[\d ().-]{6,}\d\b/g;
/** Dates look like phone numbers to a pattern: 2026-10-01, 01.10.2026, 10/01/2026 stay. */
const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const ORDER = /#\s?\d{3,}\b|\b[A-Z]{0,4}-?\d{5,}\b/g;

export function redact(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(IBAN, '[iban]')
    .replace(CARD, (m) => (luhn(m.replace(/\D/g, '')) ? '[card]' : m))
    .replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 8 && !DATE.test(m.trim()) ? '[phone]' : m))
    .replace(ORDER, '[number]');
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}
