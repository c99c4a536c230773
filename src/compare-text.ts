// The one order for sorting names, rules and words in reports: code points, not a locale's collation.

/** Code-point order: the same on every machine and locale (localeCompare follows the machine's locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
