import { afterEach, describe, expect, it } from 'vitest';
import { dateOrder, parseTime } from '../../src/conversations/parse-time.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const at = Date.UTC(2024, 0, 31, 23, 30);

describe('dates in numbers, as spreadsheets write them for their locale', () => {
  it.each([
    ['31/12/2026 21:05', Date.UTC(2026, 11, 31, 21, 5), 'day'],
    ['03.12.2026 14:05', Date.UTC(2026, 11, 3, 14, 5), 'day'],
    ['3.12.26, 21:15:02', Date.UTC(2026, 11, 3, 21, 15, 2), 'day'],
    ['12/31/2026 9:05 PM', Date.UTC(2026, 11, 31, 21, 5), 'month'],
    ['12/3/26 12:05 AM', Date.UTC(2026, 11, 3, 0, 5), 'either'],
    ['03/12/2026 14:05', Date.UTC(2026, 2, 12, 14, 5), 'either'],
    ['03-12-2026', Date.UTC(2026, 2, 12), 'either'],
    ['31/02/2026', null, 'day'],
    ['12/31/2026 25:00', null, 'month'],
  ] as const)('%s: %s, read %s first', (text, time, order) => {
    expect(parseTime(text)).toBe(time);
    expect(dateOrder(text)).toBe(order);
  });
});

describe('turn times', () => {
  // Node reads TZ again when it is set, as a machine in that zone would have it.
  for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
    it(`reads a time without a zone as UTC on a machine in ${tz}, so it falls in the same month everywhere`, () => {
      process.env.TZ = tz;
      expect(parseTime('2024-01-31 23:30')).toBe(at);
      expect(parseTime('2024-01-31 23:30:00')).toBe(at);
      expect(parseTime('2024-01-31T23:30:00')).toBe(at);
      expect(parseTime('2024-01-31 23:30:00.250')).toBe(at + 250);
      expect(parseTime('01/31/2024 23:30')).toBe(at);
      expect(parseTime('Jan 31, 2024 11:30 PM')).toBe(at);
      expect(parseTime('2024-01-31')).toBe(Date.UTC(2024, 0, 31));
      expect(parseTime('01/31/2024')).toBe(Date.UTC(2024, 0, 31));
    });

    it(`keeps the zone a time names, on a machine in ${tz}`, () => {
      process.env.TZ = tz;
      expect(parseTime('2024-01-31T23:30:00Z')).toBe(at);
      expect(parseTime('2024-02-01T00:30:00+01:00')).toBe(at);
      expect(parseTime('Thu, 01 Feb 2024 00:30:00 +0100')).toBe(at);
      expect(parseTime('Wed Jan 31 23:30:00 +0000 2024')).toBe(at);
      expect(parseTime('Wed, 31 Jan 2024 23:30:00 GMT')).toBe(at);
      expect(parseTime('31 Jan 2024 18:30 EST')).toBe(at);
      expect(parseTime('2024-01-31 23:30:00 UTC')).toBe(at);
    });
  }

  it('reads epoch seconds and milliseconds, and no other bare number', () => {
    expect(parseTime('1790000000')).toBe(1790000000000);
    expect(parseTime(1790000000)).toBe(1790000000000);
    expect(parseTime(1790000000123)).toBe(1790000000123);
    expect(parseTime('1')).toBeNull();
    expect(parseTime('2024')).toBeNull();
  });

  it('gives no time for a value that is none', () => {
    expect(parseTime('24-02-2015 11.35')).toBeNull();
    expect(parseTime('not a date')).toBeNull();
    expect(parseTime('')).toBeNull();
    expect(parseTime(null)).toBeNull();
    expect(parseTime({})).toBeNull();
  });
});
