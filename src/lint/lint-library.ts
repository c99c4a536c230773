// Lints canned responses: phrase rules (temper and the team's own), placeholders, tone, empathy where
// it is needed, scripted empathy and near-duplicates. Responses not in English are skipped and counted.
import { evidenceText } from '../conversations/evidence-text.js';
import type { DetectionEngine } from '../detect/engine.js';
import { isEnglish } from './language.js';
import { EMPATHY_TOPICS, LINT_RULES, NEGATIVE_TONE, NEXT_STEP, SCRIPTED_MIN_RESPONSES } from './lint-rules.js';
import type { CannedResponse } from './library/response.js';
import { findPlaceholderProblems } from './placeholders.js';
import type { Severity } from './severity.js';
import { jaccard, NEAR_DUPLICATE, shingles } from './similarity.js';
import { compareText } from '../compare-text.js';

export interface LintFinding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  response: string;
}

export interface LintSettings {
  /** Severity per rule id; 'off' turns a rule off. */
  severities: Map<string, Severity | 'off'>;
  /** Severity of each phrase rule, by id, as written in its rule data. */
  phraseSeverity: Map<string, Severity>;
  empathyTopics: string[];
  scriptedMinResponses: number;
}

export interface LintResult {
  responses: CannedResponse[];
  findings: LintFinding[];
  skipped: { response: CannedResponse; reason: string }[];
}

export function defaultSettings(): LintSettings {
  return { severities: new Map(), phraseSeverity: new Map(), empathyTopics: EMPATHY_TOPICS, scriptedMinResponses: SCRIPTED_MIN_RESPONSES };
}

export function lintLibrary(responses: CannedResponse[], engine: DetectionEngine, settings: LintSettings): LintResult {
  const findings: LintFinding[] = [];
  const skipped: LintResult['skipped'] = [];
  const defaults = new Map(LINT_RULES.map((r) => [r.id, r.severity]));
  const emit = (rule: string, response: CannedResponse, message: string, fallback?: Severity) => {
    const configured = settings.severities.get(rule);
    if (configured === 'off') return;
    const severity = configured ?? defaults.get(rule) ?? settings.phraseSeverity.get(rule) ?? fallback ?? 'warning';
    findings.push({ rule, severity, message, file: response.file, line: response.line, response: response.title });
  };
  const topics = new RegExp(`\\b(?:${settings.empathyTopics.map(escape).join('|')})\\b`, 'i');
  const empathySentences = new Map<string, CannedResponse[]>();
  const english: CannedResponse[] = [];

  for (const response of responses) {
    if (!isEnglish(response.text)) {
      skipped.push({ response, reason: 'not in English' });
      continue;
    }
    english.push(response);
    for (const p of findPlaceholderProblems(response.text)) emit('template/malformed-placeholder', response, `Malformed placeholder '${p.match}': ${p.why}.`);
    const text = evidenceText(response.text);
    const found = engine.analyse('agent', text).findings;
    for (const f of found) if (f.kind === 'temper' || f.kind === 'custom') emit(f.rule, response, f.message);
    const empathy = found.filter((f) => f.kind === 'empathy');
    const warm = empathy.length > 0 || found.some((f) => f.kind === 'courtesy');
    const negative = NEGATIVE_TONE.exec(text.replace(/[’‘]/g, "'"));
    if (negative && !warm) emit('tone/negative', response, `Bad news with nothing to soften it: '${negative[0]}', and no empathy or courtesy in the response.`);
    const apology = empathy.find((f) => f.category === 'apology');
    const afterApology = apology ? text.slice(text.indexOf(apology.match) + apology.match.length) : '';
    if (apology && !empathy.some((f) => f.category === 'reassurance') && !NEXT_STEP.test(afterApology)) {
      emit('empathy/apology-without-next-step', response, `Apology with no next step: '${apology.match}' is not followed by what happens now.`);
    }
    const topic = topics.exec(`${response.title} ${response.tags.join(' ')} ${response.text}`);
    if (topic && empathy.length === 0) emit('empathy/required', response, `Response about '${topic[0].toLowerCase()}' shows no empathy (apology, acknowledgement, validation or reassurance).`);
    for (const sentence of empathySentencesOf(text, empathy.map((f) => f.match))) {
      const list = empathySentences.get(sentence) ?? [];
      if (!list.includes(response)) list.push(response);
      empathySentences.set(sentence, list);
    }
  }
  for (const [sentence, users] of empathySentences) {
    if (users.length < settings.scriptedMinResponses) continue;
    const others = users.slice(1, 4).map((r) => `"${r.title}"`).join(', ');
    emit('empathy/scripted', users[0]!, `The empathy sentence "${sentence}" is reused in ${users.length} responses (also ${others}${users.length > 4 ? ', …' : ''}): it reads as scripted.`);
  }
  findNearDuplicates(english, emit);
  findings.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || compareText(a.rule, b.rule));
  return { responses, findings, skipped };
}

/** The sentences of `text` that hold one of the empathy matches, normalised for comparison. */
function empathySentencesOf(text: string, matches: string[]): string[] {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
  return [...new Set(sentences.filter((s) => matches.some((m) => s.includes(m))))];
}

function findNearDuplicates(responses: CannedResponse[], emit: (rule: string, r: CannedResponse, message: string) => void): void {
  const sets = responses.map((r) => shingles(r.text));
  for (let j = 1; j < responses.length; j++) {
    let best = -1;
    let score = 0;
    for (let i = 0; i < j; i++) {
      const s = jaccard(sets[i]!, sets[j]!);
      if (s >= NEAR_DUPLICATE && s > score) {
        best = i;
        score = s;
      }
    }
    if (best >= 0) emit('library/near-duplicate', responses[j]!, `Nearly the same as "${responses[best]!.title}" (${responses[best]!.file}:${responses[best]!.line}, ${Math.round(score * 100)}% shared wording).`);
  }
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
