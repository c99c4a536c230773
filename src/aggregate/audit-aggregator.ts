// Folds closed conversations into per-agent and team totals and coaching queues.
import type { Finding } from '../detect/detector.js';
import { CoachingQueue, REASON_WEIGHT, SENTIMENT_FALL, type CoachingItem, type CoachingReason } from './coaching.js';
import { UNKNOWN_AGENT, type ScoredTurn } from './scored-turn.js';
import { milli, Totals } from './totals.js';
import { Trends } from './trends.js';

export interface AgentEntry {
  totals: Totals;
  coaching: CoachingQueue;
  /** Conversations where the agent met an upset customer with empathy and the customer's mood rose. */
  best: CoachingQueue;
}

export const COACHING_PER_AGENT = 5;
export const COACHING_FOR_TEAM = 10;
export const BEST_PER_AGENT = 3;

const NO_NAMES: ReadonlySet<string> = new Set();

export class AuditAggregator {
  readonly team: AgentEntry = { totals: new Totals(), coaching: new CoachingQueue(COACHING_FOR_TEAM), best: new CoachingQueue(0) };

  constructor(private readonly coachingSize = COACHING_PER_AGENT) {}
  readonly agents = new Map<string, AgentEntry>();
  conversations = 0;
  turns = { customer: 0, agent: 0, other: 0 };
  /** Arrival order of coaching items, the final tie-break; shards continue each other's count when merged. */
  order = 0;
  /** This conversation's coaching moments per agent, offered as one item when it is done. */
  private moments = new Map<string, Moment[]>();
  private best = new Map<string, Omit<CoachingItem, 'weight' | 'order'>>();
  readonly trends = new Trends();

  addConversation(turns: ScoredTurn[]): void {
    this.conversations += 1;
    this.moments = new Map();
    this.best = new Map();
    const involved = new Set<string>();
    let lastCustomer: ScoredTurn | null = null;
    let waiting: ScoredTurn[] = [];
    let hostile: ScoredTurn[] = [];
    for (const turn of turns) {
      this.turns[turn.role] += 1;
      if (turn.role === 'customer') {
        this.countCustomerTurn(turn);
        lastCustomer = turn;
        if (isUpset(turn)) waiting.push(turn);
        if (turn.findings.some((f) => f.kind === 'temper')) hostile.push(turn);
      } else if (turn.role === 'agent') {
        const name = turn.group || UNKNOWN_AGENT;
        involved.add(name);
        const entry = this.entry(name);
        const empathic = this.countAgentTurn(entry.totals, turn);
        for (const totals of [entry.totals, this.team.totals]) {
          totals.needed += waiting.length;
          if (empathic) totals.met += waiting.length;
          totals.hostileTurns += hostile.length;
          for (const h of hostile) totals.hostileChars += h.chars;
        }
        if (waiting.length > 0 && empathic) this.noteBest(name, turn, waiting[waiting.length - 1]!);
        hostile = [];
        if (waiting.length > 0 && !empathic) this.note(name, turn, 'no-empathy-when-needed', waiting[waiting.length - 1]!, null);
        waiting = [];
        for (const finding of turn.findings) if (finding.kind === 'temper') this.note(name, turn, 'temper', lastCustomer, finding);
      }
    }
    this.team.totals.conversations += 1;
    for (const name of involved) this.entry(name).totals.conversations += 1;
    const change = this.countSentimentArc(turns, involved);
    for (const [name, moments] of this.moments) this.offerItem(name, moments);
    for (const [name, best] of this.best) if (change !== null && change > 0) this.entry(name).best.offer({ ...best, weight: change, order: this.order++ });
    this.trends.add(turns, change, this.team.totals);
  }

  entry(name: string): AgentEntry {
    let entry = this.agents.get(name);
    if (!entry) {
      entry = { totals: new Totals(), coaching: new CoachingQueue(this.coachingSize), best: new CoachingQueue(BEST_PER_AGENT) };
      this.agents.set(name, entry);
    }
    return entry;
  }

  private countCustomerTurn(turn: ScoredTurn): void {
    this.team.totals.customerTurns += 1;
    if (turn.sentiment?.label === 'negative') this.team.totals.negativeCustomerTurns += 1;
  }

  /** Counts one agent turn for the agent and the team; returns whether it showed empathy. */
  private countAgentTurn(agent: Totals, turn: ScoredTurn): boolean {
    const none = turn.findings.length === 0;
    const categories = none ? NO_NAMES : new Set(turn.findings.map((f) => f.category));
    const kinds = none ? NO_NAMES : new Set<string>(turn.findings.map((f) => f.kind));
    for (const totals of [agent, this.team.totals]) {
      totals.agentTurns += 1;
      if (kinds.has('empathy')) totals.empathyTurns += 1;
      if (kinds.has('courtesy')) totals.courtesyTurns += 1;
      if (kinds.has('temper')) totals.temperTurns += 1;
      for (const category of categories) {
        if (category in totals.categoryTurns) totals.categoryTurns[category]! += 1;
        if (category in totals.temperIncidents) totals.temperIncidents[category]! += 1;
      }
    }
    return kinds.has('empathy');
  }

  /** First and last customer sentiment, credited to the team and to every agent who took part; returns the change. */
  private countSentimentArc(turns: ScoredTurn[], involved: Set<string>): number | null {
    const scored = turns.filter((t) => t.role === 'customer' && t.sentiment);
    if (scored.length === 0) return null;
    const first = scored[0]!;
    const last = scored[scored.length - 1]!;
    const start = first.sentiment!;
    const end = last.sentiment!;
    const everyone = [this.team.totals, ...[...involved].map((name) => this.entry(name).totals)];
    for (const totals of everyone) {
      totals.sentimentConversations += 1;
      totals.startSum += milli(start.score);
      totals.endSum += milli(end.score);
      if (start.label === 'negative') totals.startNegative += 1;
      if (end.label === 'negative') totals.endNegative += 1;
      if (start.label === 'negative' && end.label !== 'negative') totals.recovered += 1;
    }
    if (scored.length > 1 && start.score - end.score >= SENTIMENT_FALL) {
      for (const name of involved) this.note(name, last, 'sentiment-fell', last, null);
    }
    return end.score - start.score;
  }

  /** A best moment: an upset customer met with empathy (kept if the conversation then improved). */
  private noteBest(name: string, reply: ScoredTurn, upset: ScoredTurn): void {
    if (this.best.has(name)) return;
    this.best.set(name, {
      agentName: name,
      conversation: reply.conversation,
      turn: reply.index,
      reason: 'no-empathy-when-needed',
      rule: reply.findings.find((f) => f.kind === 'empathy')?.rule ?? null,
      reasons: [],
      rules: [...new Set(reply.findings.filter((f) => f.kind === 'empathy').map((f) => f.rule))],
      customer: upset.excerpt,
      agent: reply.excerpt,
      match: reply.findings.find((f) => f.kind === 'empathy')?.match ?? null,
    });
  }

  private note(name: string, turn: ScoredTurn, reason: CoachingReason, customer: ScoredTurn | null, finding: Finding | null): void {
    const moment: Moment = {
      conversation: turn.conversation,
      turn: turn.index,
      reason,
      rule: finding?.rule ?? null,
      customer: customer?.excerpt ?? null,
      agent: turn.role === 'agent' ? turn.excerpt : null,
      match: finding?.match ?? null,
    };
    const list = this.moments.get(name);
    if (list) list.push(moment);
    else this.moments.set(name, [moment]);
  }

  private offerItem(name: string, moments: Moment[]): void {
    const weight = moments.reduce((sum, m) => sum + REASON_WEIGHT[m.reason], 0);
    const order = this.order++;
    const agentQueue = this.entry(name).coaching;
    const forAgent = agentQueue.accepts(weight);
    const forTeam = this.team.coaching.accepts(weight);
    // On a large export most conversations are no better than what the queues hold: build nothing.
    if (!forAgent && !forTeam) return;
    const ranked = moments.slice().sort((a, b) => REASON_WEIGHT[b.reason] - REASON_WEIGHT[a.reason]);
    const item: CoachingItem = {
      ...ranked[0]!,
      agentName: name,
      reasons: [...new Set(ranked.map((m) => m.reason))],
      rules: [...new Set(ranked.flatMap((m) => (m.rule ? [m.rule] : [])))],
      weight,
      order,
    };
    if (forAgent) agentQueue.offer(item);
    if (forTeam) this.team.coaching.offer({ ...item });
  }
}

type Moment = Pick<CoachingItem, 'conversation' | 'turn' | 'reason' | 'rule' | 'customer' | 'agent' | 'match'>;

/** A customer turn that needs empathy: read as negative, or not read as positive but hostile in words
 * (an insult, profanity or blame, which the model can read as neutral). Capitals or "!!!" alone do not
 * count: excitement writes them too ("Loving the new 737 Max 8!!!"). */
function isUpset(turn: ScoredTurn): boolean {
  if (turn.sentiment?.label === 'negative') return true;
  return turn.sentiment?.label !== 'positive' && turn.findings.some((f) => f.kind === 'temper' && f.category !== 'shouting');
}
