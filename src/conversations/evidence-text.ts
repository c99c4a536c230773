// What detectors may read of an agent turn: template placeholders and sign-offs are not the agent's
// words and never count as evidence ("{{ticket.requester.name}}", "[AMOUNT]", "^JK").

/** The words of a closing line ("Kind regards", "Many thanks"): clean-text reads them for signatures, the detectors
 * for sign-offs. */
export const CLOSING_WORDS = '(?:(?:best|kind|warm|many)?\\s*regards|best(?: wishes)?|cheers|sincerely(?: yours)?|yours(?: truly| sincerely)?|thanks(?: again)?|thank you|many thanks|respectfully)';

/** `{{ticket.requester.first_name}}`, `{% if %}`, `[AMOUNT]`, `[FULL NAME]`, `%name%`, `{name}`. */
export const PLACEHOLDER = /\{\{[^{}]*\}\}|\{%[^{}]*%\}|\[[A-Z][A-Z0-9 _-]{1,40}\]|%[A-Za-z_][\w.]{0,40}%|\{[A-Za-z_][\w.]{0,40}\}/g;

/** A sign-off at the end of a message: a marker (^ * - / = ~) and initials or a first name. */
const SIGN_OFF = /(?:^|[\s.!?,;:)])([\^*/=~]|-)\s?([A-Z][A-Za-z]{1,15})\s*(?:https?:\/\/\S+\s*|\(?\d\/\d\)?\s*)*$/;

/** "… 1/2": the first part of a reply split over several messages; its sign-off is on the last part. */
export const CONTINUED = /\(?\d\/\d\)?\s*$/;

export interface SignOff {
  text: string;
  /** The initials or name after the marker, e.g. "JK" for "^JK"; null when there is none. */
  signature: string | null;
}

export function splitSignOff(text: string): SignOff {
  const match = SIGN_OFF.exec(text);
  if (!match) return { text, signature: null };
  const word = match[2]!;
  // "- Thanks" or "- Sent" is a sentence, not a signature: initials are capitals; names are one capitalised word.
  const initials = /^[A-Z]{2,4}$/.test(word) || /^[A-Z][a-z]+[A-Z]?[a-z]*$/.test(word);
  if (!initials || (match[1] === '-' && /^(?:Thanks|Thank|Regards|Cheers|Best|Sent)$/.test(word))) return { text, signature: null };
  return { text: text.slice(0, match.index + (match[0].length - match[0].trimStart().length)).trimEnd(), signature: word };
}

/** The text detectors read: placeholders blanked, a trailing sign-off removed. */
export function evidenceText(text: string): string {
  return splitSignOff(text.replace(PLACEHOLDER, ' … ')).text;
}
