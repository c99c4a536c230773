// --agent-map FILE: names and teams for agent ids, emails or sign-off initials, from a CSV
// (columns id, name, team) or JSON ({"JK": {"name": "Jo King", "team": "Billing"}} or a list).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { AttuneError, InputError } from '../errors.js';
import { normalizeKey } from './field-map.js';
import { parseJson } from '../parse-json.js';

export interface AgentIdentity {
  name: string;
  team: string | null;
}

export class AgentMap {
  private readonly byKey = new Map<string, AgentIdentity>();

  add(key: string, identity: AgentIdentity): void {
    this.byKey.set(key.trim().toLowerCase(), identity);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The identity of an agent as the export names it: the whole name, else its initials after "/". */
  lookup(agent: string): AgentIdentity | undefined {
    const key = agent.trim().toLowerCase();
    return this.byKey.get(key) ?? (key.includes('/') ? this.byKey.get(key.slice(key.lastIndexOf('/') + 1)) : undefined);
  }
}

export function loadAgentMap(file: string): AgentMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new AttuneError(`--agent-map ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const map = new AgentMap();
  if (/^\s*[[{]/.test(text)) {
    const doc = parseJson(text, file);
    const entries = Array.isArray(doc)
      ? doc.map((e: Record<string, unknown>) => [String(e.id ?? e.initials ?? e.agent ?? ''), e] as const)
      : Object.entries(doc as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? { name: v } : (v as Record<string, unknown>)] as const);
    for (const [key, value] of entries) addEntry(map, key, value, file, undefined);
    return map;
  }
  const rows = parse(text, { columns: (h: string[]) => h.map(normalizeKey), skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  rows.forEach((row, i) => addEntry(map, row.id ?? row.initials ?? row.agent ?? row.agentid ?? '', row, file, i + 2));
  return map;
}

function addEntry(map: AgentMap, key: string, value: Record<string, unknown>, file: string, line: number | undefined): void {
  const name = String(value.name ?? value.agentname ?? '').trim();
  if (key.trim() === '' || name === '') throw new InputError(file, line, 'each agent needs an id (or initials) and a name.');
  const team = String(value.team ?? '').trim();
  map.add(key, { name, team: team === '' ? null : team });
}
