import { describe, expect, it } from 'vitest';
import { isEnglish } from '../../src/lint/language.js';
import { findPlaceholderProblems } from '../../src/lint/placeholders.js';
import { jaccard, shingles } from '../../src/lint/similarity.js';
import { atLeast, rank } from '../../src/lint/severity.js';

describe('placeholders', () => {
  it('accepts well-formed placeholders and names malformed ones', () => {
    expect(findPlaceholderProblems('Hi {{ticket.requester.first_name}}, you sent [AMOUNT] to %name% {user}.')).toEqual([]);
    expect(findPlaceholderProblems('Hi {{ticket.requester.name}, thanks').map((p) => p.why)).toEqual(["a Liquid placeholder is opened with '{{' but never closed with '}}'"]);
    expect(findPlaceholderProblems('Hi {{ }}!').map((p) => p.why)).toEqual(['an empty placeholder']);
    expect(findPlaceholderProblems('You sent [AMOUNT to us').map((p) => p.match)).toEqual(['[AMOUNT']);
    expect(findPlaceholderProblems('Thanks }} for that').map((p) => p.why)).toEqual(["'}}' closes a placeholder that was never opened"]);
  });
});

describe('language', () => {
  it('tells English from other languages and scripts', () => {
    expect(isEnglish('Thank you for reaching out to us, we will look into it.')).toBe(true);
    expect(isEnglish('Спасибо за обращение в службу поддержки.')).toBe(false);
    expect(isEnglish('Bedankt voor uw bericht. Wij nemen zo snel mogelijk contact met u op.')).toBe(false);
    expect(isEnglish('OK')).toBe(true);
  });
});

describe('similarity and severity', () => {
  it('scores near-duplicates high and different texts low', () => {
    const a = shingles('We are sorry to hear about the delay. We will ship your order today.');
    expect(jaccard(a, shingles('We are sorry to hear about the delay. We will ship your order today!'))).toBe(1);
    expect(jaccard(a, shingles('Your password can be reset from the sign-in page.'))).toBeLessThan(0.1);
  });

  it('orders severities by rank', () => {
    expect(rank('info')).toBeLessThan(rank('warning'));
    expect(atLeast('error', 'warning')).toBe(true);
    expect(atLeast('info', 'warning')).toBe(false);
  });
});
