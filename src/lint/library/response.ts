// One canned response of a library, wherever it came from, with the file and line it starts on.

export interface CannedResponse {
  title: string;
  text: string;
  tags: string[];
  file: string;
  line: number;
}

/** Finds where each of `needles` appears, in order, so that repeated titles get their own lines. Each
 * search starts where the last one ended, so lines are counted once, forward: linear in the file. */
export function lineFinder(text: string): (needle: string) => number {
  let from = 0;
  let counted = 0;
  let line = 1;
  const lineOf = (index: number): number => {
    for (; counted < index && counted < text.length; counted++) if (text.charCodeAt(counted) === 10) line += 1;
    return line;
  };
  return (needle: string) => {
    const at = text.indexOf(needle, from);
    if (at < 0) return lineOf(from);
    from = at + needle.length;
    return lineOf(at);
  };
}
