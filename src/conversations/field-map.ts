// Finds which field of a record holds each piece of a turn, from common export names
// (case, spaces, dashes and underscores ignored), or from the user's --map.
import { AttuneError } from '../errors.js';

export type FieldName = 'conversation' | 'role' | 'agent' | 'text' | 'time' | 'turns' | 'private' | 'channel';

/** The names tried for each field, in order of preference. Listed in the README. */
export const FIELD_ALIASES: Record<FieldName, string[]> = {
  conversation: ['conversation_id', 'conversationid', 'ticket_id', 'thread_id', 'chat_id', 'case_id', 'session_id', 'dialog_id', 'dialogue_id', 'interaction_id', 'contact_id', 'ticket_number', 'ticket_no', 'case_number', 'conversation_number', 'issue_key', 'issue_id', 'conversation', 'ticket', 'thread', 'case', 'chat'],
  role: ['role', 'author_type', 'sender_type', 'sender_role', 'author_role', 'user_type', 'speaker_type', 'participant_type', 'participant_role', 'actor_type', 'creator_type', 'user_role', 'from_type', 'from_agent', 'is_from_agent', 'from_customer', 'is_from_customer', 'speaker', 'from', 'sender', 'direction', 'inbound', 'incoming', 'is_inbound', 'is_customer', 'is_agent', 'type'],
  agent: ['agent', 'agent_name', 'agent_id', 'agent_email', 'assignee', 'assignee_name', 'assignee_id', 'responder', 'responder_id', 'author', 'author_name', 'author_id', 'author_email', 'from_name', 'display_name', 'rep', 'staff', 'operator', 'owner', 'user_name', 'sender', 'sender_name'],
  text: ['text', 'body', 'message', 'comment', 'content', 'body_text', 'plain_body', 'message_text', 'message_body', 'comment_body', 'text_body', 'html_body', 'body_html', 'message_content', 'plain_text', 'utterance', 'msg', 'reply', 'value', 'description'],
  time: ['created_at', 'timestamp', 'time', 'date', 'created', 'sent_at', 'datetime', 'created_date', 'created_on', 'sys_created_on', 'message_date', 'sent_date', 'received_at', 'submitted_at', 'absolute_time', 'ts', 'posted_at', 'updated_at'],
  turns: ['turns', 'messages', 'comments', 'conversation_parts', 'parts', 'utterances', 'conversations', 'thread', 'entries', 'events', 'transcript', 'lines'],
  private: ['private', 'is_private', 'internal', 'is_internal', 'internal_note', 'public', 'is_public'],
  channel: ['channel', 'via_channel', 'source_channel', 'medium'],
};

/** For nested records, the conversation's own id may simply be called `id`. */
const NESTED_CONVERSATION_EXTRA = ['id', 'uuid', 'key'];

export type FieldOverrides = Partial<Record<FieldName, string>>;
export type ResolvedFields = Partial<Record<FieldName, string>>;

export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Picks the best field for each name among `keys`; overrides must name a field that exists. */
export function resolveFields(keys: string[], wanted: FieldName[], overrides: FieldOverrides, options: { nested?: boolean } = {}): ResolvedFields {
  const byNorm = new Map<string, string>();
  for (const key of keys) if (!byNorm.has(normalizeKey(key))) byNorm.set(normalizeKey(key), key);
  const resolved: ResolvedFields = {};
  const taken = new Set<string>();
  for (const name of wanted) {
    const override = overrides[name];
    if (override !== undefined) {
      const key = byNorm.get(normalizeKey(override));
      if (key !== undefined) {
        resolved[name] = key;
        taken.add(key);
      }
      continue;
    }
    const aliases = name === 'conversation' && options.nested ? [...FIELD_ALIASES.conversation, ...NESTED_CONVERSATION_EXTRA] : FIELD_ALIASES[name];
    for (const alias of aliases) {
      const key = byNorm.get(normalizeKey(alias));
      if (key !== undefined && !taken.has(key)) {
        resolved[name] = key;
        taken.add(key);
        break;
      }
    }
  }
  return resolved;
}

/** The one-line error for a field that could not be found, with the --map that would fix it. */
export function missingFieldError(file: string, name: FieldName, keys: string[], overrides: FieldOverrides, resolved: ResolvedFields = {}, extra = ''): AttuneError {
  const shown = keys.slice(0, 20).map((k) => (k.length > 40 ? `${k.slice(0, 39)}…` : k));
  const found = keys.length > 0 ? `${shown.join(', ')}${keys.length > 20 ? `, and ${keys.length - 20} more` : ''}` : '(none)';
  const override = overrides[name];
  const used = new Set<string>([...Object.values(overrides), ...Object.values(resolved)].map(normalizeKey));
  const example = keys.find((k) => !used.has(normalizeKey(k))) ?? 'FIELD';
  const problem = override !== undefined ? `--map ${name}=${override} names a field that is not there` : `cannot tell which field holds the ${name}`;
  return new AttuneError(`${file}: ${problem}. Fields found: ${found}. Name it with --map ${name}=<field> (for example --map ${name}=${example})${extra}.`);
}

/** Parses `conversation=ticket_id,role=sender`. */
export function parseMapOption(value: string): FieldOverrides {
  const overrides: FieldOverrides = {};
  for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim() as FieldName;
    const field = pair.slice(eq + 1).trim();
    if (eq < 1 || field === '' || !(name in FIELD_ALIASES)) {
      throw new AttuneError(`--map: '${pair}' is not NAME=FIELD with NAME one of ${Object.keys(FIELD_ALIASES).join(', ')}.`);
    }
    overrides[name] = field;
  }
  return overrides;
}
