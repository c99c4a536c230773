// Template placeholders in canned responses: the well-formed ones are not text; the malformed ones
// ("{{ticket.requester.name}", "[AMOUNT", "{{ }}") would reach customers as they are.

export interface PlaceholderProblem {
  match: string;
  /** Offset in the response text. */
  index: number;
  why: string;
}

const OPENERS: { open: string; close: string; name: string }[] = [
  { open: '{{', close: '}}', name: 'Liquid' },
  { open: '{%', close: '%}', name: 'Liquid tag' },
];

export function findPlaceholderProblems(text: string): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  for (const { open, close, name } of OPENERS) {
    let at = text.indexOf(open);
    while (at >= 0) {
      const end = text.indexOf(close, at + open.length);
      const nextOpen = text.indexOf(open, at + open.length);
      if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
        problems.push({ match: snippet(text, at), index: at, why: `a ${name} placeholder is opened with '${open}' but never closed with '${close}'` });
      } else {
        const inner = text.slice(at + open.length, end).trim();
        if (inner === '') problems.push({ match: text.slice(at, end + close.length), index: at, why: 'an empty placeholder' });
        else if (open === '{{' && !/^[\w.\-[\]'" |:]+$/.test(inner)) problems.push({ match: text.slice(at, end + close.length), index: at, why: 'a placeholder with characters a template cannot read' });
      }
      at = nextOpen;
    }
  }
  for (const m of text.matchAll(/(?<!\{)\}\}(?!\})/g)) {
    const before = text.lastIndexOf('{{', m.index);
    if (before < 0 || text.lastIndexOf('}}', m.index - 1) > before) problems.push({ match: snippet(text, Math.max(0, m.index - 20)), index: m.index, why: "'}}' closes a placeholder that was never opened" });
  }
  for (const m of text.matchAll(/\[[A-Z][A-Z0-9 _-]{1,40}(?=[\s.,;:!?]|$)(?![^\n]*\])/g)) {
    problems.push({ match: m[0], index: m.index, why: "a bracket placeholder is opened with '[' but never closed" });
  }
  return problems.sort((a, b) => a.index - b.index);
}

function snippet(text: string, at: number): string {
  return text.slice(at, at + 30).split('\n')[0]!;
}
