// Which of attune's findings a team's labels most often contradict: each phrase a rule matched (or, for
// the learned model, which quotes whole sentences, each category it gave), with how often it was found
// and how often the humans did not give that category or temper to the message. A team reads it to
// decide which rule to turn off or which phrasing to add an exception for.
import type { Finding } from '../detect/detector.js';
import { compareText } from '../compare-text.js';

/** The most disputed findings an eval lists. */
export const DISPUTED_SHOWN = 10;

export interface DisputedFinding {
  rule: string;
  category: string;
  /** The human label the finding is checked against: its category, or "temper" for a temper finding. */
  label: string;
  /** The matched words, lowercased; empty for a learned finding, which is counted per category. */
  match: string;
  /** Messages labeled for this category (or temper) in which attune made this finding. */
  found: number;
  /** Of those, the messages whose humans did not give the category (or temper). */
  disputed: number;
}

/** Whether a message's humans gave a label (a category, or "temper"); undefined where they did not label it. */
export type HumanVerdict = (label: string) => boolean | undefined;

export class DisputedFindings {
  private readonly counts = new Map<string, DisputedFinding>();

  /** Counts a message's findings against its labels; a finding counts once per message. */
  add(findings: readonly Finding[], humanGives: HumanVerdict): void {
    const seen = new Set<string>();
    for (const finding of findings) {
      const label = finding.kind === 'temper' ? 'temper' : finding.category;
      const agrees = humanGives(label);
      if (agrees === undefined) continue;
      const match = finding.confidence === undefined ? finding.match.toLowerCase().replace(/\s+/g, ' ') : '';
      const key = `${finding.rule}\u0000${finding.category}\u0000${match}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = this.counts.get(key);
      if (!entry) this.counts.set(key, (entry = { rule: finding.rule, category: finding.category, label, match, found: 0, disputed: 0 }));
      entry.found += 1;
      if (!agrees) entry.disputed += 1;
    }
  }

  /** The findings the humans disputed, of the labels `labeled` accepts, most disputed first, then the
   * most found, then by rule and words. */
  worst(labeled: (label: string) => boolean, limit = DISPUTED_SHOWN): DisputedFinding[] {
    return [...this.counts.values()]
      .filter((entry) => entry.disputed > 0 && labeled(entry.label))
      .sort((a, b) => b.disputed - a.disputed || b.found - a.found || compareText(a.rule, b.rule) || compareText(a.category, b.category) || compareText(a.match, b.match))
      .slice(0, limit);
  }
}
