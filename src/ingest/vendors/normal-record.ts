// The shape every vendor reader produces: one record per conversation with its turns, in the
// field names the generic reader already knows, so the rest of the pipeline has one path.

export type NormalRole = 'customer' | 'agent' | 'other';

export interface NormalTurn {
  role: NormalRole;
  agent: string | null;
  text: string;
  created_at: string | number | null;
  /** The line of the file the turn came from, when the format has lines. */
  line?: number;
}

export interface NormalConversation {
  conversation_id: string;
  channel: string | null;
  turns: NormalTurn[];
}

export function conversationRecord(file: string, line: number, conversation: NormalConversation): { file: string; line: number; fields: Record<string, unknown> } {
  return { file, line, fields: conversation as unknown as Record<string, unknown> };
}

/** An agent turn split over several messages ("… 1/2") takes the sign-off of the part that follows it. */
export function inheritSignatures(turns: NormalTurn[], continued: RegExp): number {
  let filled = 0;
  for (let i = turns.length - 2; i >= 0; i--) {
    const turn = turns[i]!;
    const next = turns.slice(i + 1).find((t) => t.role === 'agent');
    if (turn.role === 'agent' && turn.agent === null && next?.agent && continued.test(turn.text)) {
      turn.agent = next.agent;
      filled += 1;
    }
  }
  return filled;
}
