// One canned response of a library, wherever it came from, with the file and line it starts on.

export interface CannedResponse {
  title: string;
  text: string;
  tags: string[];
  file: string;
  line: number;
}

/** The 1-based line of character `index` in `text`. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Finds where each of `needles` appears, in order, so that repeated titles get their own lines. */
export function lineFinder(text: string): (needle: string) => number {
  let from = 0;
  return (needle: string) => {
    const at = text.indexOf(needle, from);
    if (at < 0) return lineAt(text, from);
    from = at + needle.length;
    return lineAt(text, at);
  };
}
