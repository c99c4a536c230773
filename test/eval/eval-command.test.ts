import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers.js';

const fixture = (name: string) => path.join(FIXTURES, 'eval', name);

describe('attune eval', () => {
  it('compares sentiment labels, skipping and counting labels it does not know', async () => {
    const { code, stdout } = await runCli(['eval', 'sentiment', fixture('customer-labels.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.n).toBe(7);
    expect(r.skipped).toEqual({ 'unknown label "mixed"': 1 });
    expect(r.skippedAt).toEqual({ 'unknown label "mixed"': `${fixture('customer-labels.csv')}:9` });
    const table = await runCli(['eval', 'sentiment', fixture('customer-labels.csv')]);
    expect(table.stdout).toContain(`skipped 1: unknown label "mixed" (first at ${fixture('customer-labels.csv')}:9)`);
    expect(r.labels).toEqual(['negative', 'neutral', 'positive']);
    expect(r.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(7);
    expect(r.accuracy).toBe(1);
    // Every draw of texts attune labels as the humans do agrees as well: a class a draw leaves out has no
    // F1 there, rather than an F1 of 0.
    expect(r.macroF1Interval).toEqual([1, 1]);
    expect(r.classes.map((c: { f1Interval: number[] }) => c.f1Interval)).toEqual([[1, 1], [1, 1], [1, 1]]);
  });

  it('quotes the worst sentiment disagreements, opposite labels first', async () => {
    const { code, stdout } = await runCli(['eval', 'sentiment', fixture('disputed-labels.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // Row 1 is praise its label calls negative; row 2, a plain question labeled positive; rows 3 and 4 agree.
    expect(r.worst.map((d: { id: string; cost: number }) => [d.id, d.cost])).toEqual([['p1', 2], ['q2', 1]]);
    expect(r.worst[0]).toMatchObject({ line: 2, human: 'negative', attune: 'positive' });
    expect(r.worst[0].score).toBeGreaterThan(0);
    // Four texts with two disagreements leave macro-F1 wide open: its 95% interval holds the figure and
    // spans a wide range.
    expect(r.macroF1Interval[0]).toBeLessThanOrEqual(r.macroF1);
    expect(r.macroF1Interval[1]).toBeGreaterThanOrEqual(r.macroF1);
    expect(r.macroF1Interval[1] - r.macroF1Interval[0]).toBeGreaterThan(0.2);
    const table = (await runCli(['eval', 'sentiment', fixture('disputed-labels.csv')])).stdout;
    expect(table).toContain('Worst disagreements (2)');
    expect(table).toMatch(/p1 \(line 2\): “Thank you so much[^”]*”\n    human: negative · attune: positive \(score \d\.\d\d\)/);
  });

  it('reads numeric ratings on a scale with a neutral band, from a headerless TSV', async () => {
    const { code, stdout } = await runCli(['eval', 'sentiment', fixture('ratings.tsv'), '--no-header', '--text', '3', '--label', '2', '--scale', '-4:4', '--neutral-band', '0.5', '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.classes.map((c: { support: number }) => c.support)).toEqual([1, 2, 1]);
  });

  it('finds the columns research sets use and folds five-point labels to three', async () => {
    const { code, stdout } = await runCli(['eval', 'sentiment', fixture('sentence-labels.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // "Very negative", "very_negative", "Very-Positive" and "-1" are all read: none is skipped.
    expect(r.skipped).toEqual({});
    expect(r.classes.map((c: { support: number }) => c.support)).toEqual([3, 1, 2]);
  });

  it('averages macro-F1 over the classes a file labels, and asks for --scale when the labels are ratings', async () => {
    const { code, stdout } = await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    const [negative, neutral, positive] = r.classes;
    expect(neutral).toMatchObject({ support: 0, f1: 0 });
    expect(neutral.predicted).toBeGreaterThan(0);
    expect(r.macroF1).toBeCloseTo((negative.f1 + positive.f1) / 2, 4);
    const table = (await runCli(['eval', 'sentiment', fixture('binary-labels.csv')])).stdout;
    expect(table).toContain(`not labeled in this file: neutral; macro-F1 averages the other classes (attune said neutral for ${neutral.predicted}`);
    // "1" would read as positive on a five-star scale, where it is the worst rating.
    const stars = await runCli(['eval', 'sentiment', fixture('star-ratings.csv')]);
    expect(stars.code).toBe(2);
    expect(stars.stderr).toContain('star-ratings.csv: the labels look like ratings (1, 3, 5), not -1/0/1: give their range with --scale, for example --scale 1:5.');
    const scaled = JSON.parse((await runCli(['eval', 'sentiment', fixture('star-ratings.csv'), '--scale', '1:5', '--format', 'json'])).stdout);
    expect(scaled.classes.map((c: { support: number }) => c.support)).toEqual([1, 1, 1]);
    // 0 and 1 alone are most often negative and positive, which -1/0/1 would read as neutral and positive.
    const binary = await runCli(['eval', 'sentiment', fixture('zero-one-labels.csv')]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('zero-one-labels.csv: the labels are 0 and 1 only, which may mean negative and positive: say so with --scale 0:1');
    const read = JSON.parse((await runCli(['eval', 'sentiment', fixture('zero-one-labels.csv'), '--scale', '0:1', '--format', 'json'])).stdout);
    expect(read.classes.map((c: { support: number }) => c.support)).toEqual([1, 0, 2]);
  });

  it('rejects a bad scale and a band without a scale', async () => {
    expect((await runCli(['eval', 'sentiment', fixture('ratings.tsv'), '--scale', '4:-4'])).stderr).toMatch(/--scale: '4:-4' is not MIN:MAX/);
    expect((await runCli(['eval', 'sentiment', fixture('ratings.tsv'), '--neutral-band', '1'])).code).toBe(2);
  });

  it('names the missing label column', async () => {
    const r = await runCli(['eval', 'sentiment', fixture('customer-labels.csv'), '--label', 'stars']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no column 'stars' for the label. Columns found: id, label, text.");
  });

  it('says why no sentiment row could be compared, and which labels it reads', async () => {
    const r = await runCli(['eval', 'sentiment', fixture('feeling-labels.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`feeling-labels.csv: no labeled rows to compare (skipped: 2 unknown label "angry" (first at ${fixture('feeling-labels.csv')}:2), 1 unknown label "happy" (at ${fixture('feeling-labels.csv')}:3)). Labels are negative, neutral or positive`);
    const scaled = await runCli(['eval', 'sentiment', fixture('feeling-labels.csv'), '--scale', '1:5']);
    expect(scaled.stderr).toContain('(skipped: 3 label is not a number on the scale (first at');
    expect(scaled.stderr).toContain('Labels are numbers from 1 to 5.');
  });

  it('scores empathy, temper and categories and quotes the worst disagreements', async () => {
    const { code, stdout } = await runCli(['eval', 'empathy', fixture('agent-labels.jsonl'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.n).toBe(6);
    expect(r.empathy).toMatchObject({ support: 3, predicted: 2, precision: 1 });
    expect(r.temper).toMatchObject({ support: 1, predicted: 1, recall: 1 });
    expect(r.worst).toHaveLength(1);
    expect(r.worst[0]).toMatchObject({ id: 'a5', cost: 4, attune: { empathy: false, categories: ['gratitude'] } });
    const table = (await runCli(['eval', 'empathy', fixture('agent-labels.jsonl')])).stdout;
    expect(table).toContain('a5 (line 5): “We value you as a member of our family');
    // Empathy: 2 of 3 found, no false alarm, among 6 messages; its interval, from the JSON, in the table.
    const [low, high] = r.empathy.f1Interval;
    expect(low).toBeLessThan(r.empathy.f1);
    expect(high).toBe(1);
    expect(table).toMatch(new RegExp(`empathy +1\\.000 +0\\.667 +0\\.800 +${low.toFixed(3).replace('.', '\\.')}–1\\.000 +3 +2`));
    // The JSON holds figures unrounded: recall is exactly 2 of 3, so that rounding it gives the table's figure
    // (figures rounded to four decimals first can round to another third decimal).
    expect(r.empathy.recall).toBe(2 / 3);
  });

  it('reads agent messages as an audit does, without placeholders and sign-offs, from the column named', async () => {
    const { code, stdout } = await runCli(['eval', 'empathy', fixture('macro-labels.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // "{{sorry_line}}" is a placeholder and "-WTF" a sign-off: neither is the agent's apology or temper.
    expect(r.empathy).toMatchObject({ labeled: 3, support: 1, predicted: 1, precision: 1 });
    expect(r.temper).toMatchObject({ labeled: 3, predicted: 0 });
    expect(r.worst).toEqual([]);
    const named = await runCli(['eval', 'empathy', fixture('macro-labels.csv'), '--text', 'body']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain("no column 'body' for the text. Columns found: id, message, empathy, temper.");
  });

  it('scores only the labels a file gives, each over the messages labeled for it', async () => {
    const { code, stdout } = await runCli(['eval', 'empathy', fixture('empathy-only.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.n).toBe(3);
    expect(r.skipped).toEqual({ 'empathy or temper is not 0/1': 1, 'no labels': 1 });
    expect(r.skippedAt).toEqual({ 'empathy or temper is not 0/1': `${fixture('empathy-only.csv')}:6`, 'no labels': `${fixture('empathy-only.csv')}:5` });
    expect(r.empathy).toMatchObject({ labeled: 3, support: 2, predicted: 1, recall: 0.5 });
    // No temper or category column: nothing attune finds there counts as a false alarm.
    expect(r.temper).toMatchObject({ labeled: 0, predicted: 0 });
    expect(r.categories.find((c: { label: string }) => c.label === 'gratitude')).toMatchObject({ labeled: 0, predicted: 0 });
    expect(r.worst.map((d: { id: string }) => d.id)).toEqual(['e3']);
    const table = (await runCli(['eval', 'empathy', fixture('empathy-only.csv')])).stdout;
    expect(table).toContain('not labeled in this file: temper, apology, acknowledgement');
    expect(table).toContain('human:  empathy; categories not labeled');
    expect(table).not.toMatch(/^\s+gratitude/m);
  });

  it('leaves out the categories no message gives, and names the phrases the labels most often contradict', async () => {
    const { code, stdout } = await runCli(['eval', 'empathy', fixture('empathy-categories.jsonl'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    const category = (label: string) => r.categories.find((c: { label: string }) => c.label === label);
    // Only apology and reassurance are given: attune's thanks are not false alarms of gratitude.
    expect(category('gratitude')).toMatchObject({ labeled: 0, predicted: 0 });
    expect(category('reassurance')).toMatchObject({ labeled: 5, support: 1, predicted: 3 });
    expect(r.worst.map((d: { id: string; cost: number }) => [d.id, d.cost])).toEqual([['c2', 1], ['c4', 1]]);
    expect(r.disputed).toEqual([{ rule: 'empathy/reassurance', category: 'reassurance', label: 'reassurance', match: 'we promise', found: 3, disputed: 2 }]);
    const table = (await runCli(['eval', 'empathy', fixture('empathy-categories.jsonl')])).stdout;
    expect(table).toContain('not labeled in this file: empathy, temper, acknowledgement, validation, gratitude, positive-regard');
    expect(table).toContain("Findings the labels most often contradict (1)\n  empathy/reassurance 'we promise': 2 of 3 messages not labeled reassurance\n");
  });

  it("reads a team's own field names, category spellings and lists, and counts the categories it does not know", async () => {
    const { code, stdout } = await runCli(['eval', 'empathy', fixture('team-labels.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.n).toBe(5);
    expect(r.skipped).toEqual({});
    // "Acknowledgment", "positive_regard" and a JSON list in a cell are read; "ownership" and "tone" are not attune's.
    const human = Object.fromEntries(r.categories.map((c: { label: string; support: number; labeled: number }) => [c.label, [c.support, c.labeled]]));
    expect(human).toEqual({ apology: [1, 5], acknowledgement: [1, 5], validation: [1, 5], reassurance: [1, 5], gratitude: [1, 5], 'positive-regard': [1, 5] });
    expect(r.empathy).toMatchObject({ support: 2, labeled: 5 });
    expect(r.temper).toMatchObject({ support: 1, labeled: 5 });
    expect(r.unknownCategories).toEqual({ ownership: 1, tone: 1 });
    const table = (await runCli(['eval', 'empathy', fixture('team-labels.csv')])).stdout;
    expect(table).toContain("categories attune does not know, left out: 'ownership' (1 message), 'tone' (1 message)");
    expect(r.by).toBeUndefined();
  });

  it('gives the figures for each value of a column with --by, largest group first', async () => {
    const r = JSON.parse((await runCli(['eval', 'empathy', fixture('team-labels.csv'), '--by', 'channel', '--format', 'json'])).stdout);
    expect(r.by.column).toBe('Channel');
    expect(r.by.groups.map((g: { group: string; n: number }) => [g.group, g.n])).toEqual([['chat', 3], ['(none)', 1], ['email', 1]]);
    const chat = r.by.groups[0];
    expect([chat.empathy.support, chat.temper.support, chat.empathy.labeled]).toEqual([2, 1, 3]);
    // Each group's counts add up to the whole file's.
    const sum = (pick: (g: { empathy: { support: number; predicted: number } }) => number) => r.by.groups.reduce((n: number, g: never) => n + pick(g), 0);
    expect(sum((g) => g.empathy.support)).toBe(r.empathy.support);
    expect(sum((g) => g.empathy.predicted)).toBe(r.empathy.predicted);
    const table = (await runCli(['eval', 'empathy', fixture('team-labels.csv'), '--by', 'channel'])).stdout;
    expect(table).toContain('By Channel (3 groups): F1 (messages humans gave the label)');
    // The email message has no empathy, temper or category on either side: every cell is a dash.
    expect(table).toMatch(/\n  email +1(?: +–){8}\n/);

    const sentiment = JSON.parse((await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--by', 'channel', '--format', 'json'])).stdout);
    expect(sentiment.by.groups.map((g: { group: string; n: number }) => [g.group, g.n])).toEqual([['app', 3], ['phone', 2]]);
    expect(sentiment.by.groups.reduce((n: number, g: { confusion: number[][] }) => n + g.confusion.flat().reduce((a, b) => a + b, 0), 0)).toBe(sentiment.n);
    // JSON lines need not share fields: a message without the column is in the group "(none)".
    const sparse = JSON.parse((await runCli(['eval', 'empathy', fixture('sparse-groups.jsonl'), '--by', 'team', '--format', 'json'])).stdout);
    expect(sparse.by.groups.map((g: { group: string; n: number }) => [g.group, g.n])).toEqual([['north', 2], ['(none)', 1]]);
    const missing = await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--by', 'team']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no column 'team' for the groups (--by). Columns found: text, sentiment, channel.");
  });

  it("measures attune as the team runs it: the config's phrase rules, and the learned model off where it says so", async () => {
    const found = (r: { worst: { id: string; attune: { matches: string[] } }[]; categories: { label: string; predicted: number }[] }) =>
      [r.categories.find((c) => c.label === 'apology')!.predicted, r.worst.map((w) => [w.id, w.attune.matches])];
    const builtIn = JSON.parse((await runCli(['eval', 'empathy', fixture('team-config-labels.csv'), '--format', 'json'])).stdout);
    // Built in, "Whoops, our slip" is no apology, and the learned model reads a routine request as reassurance.
    expect(found(builtIn)).toEqual([0, [['c1', []], ['c2', ["empathy/learned: 'May I have your registered mobile number so that I can verify your account'"]]]]);
    const team = JSON.parse((await runCli(['eval', 'empathy', fixture('team-config-labels.csv'), '--config', fixture('team-rules.yaml'), '--format', 'json'])).stdout);
    expect(found(team)).toEqual([1, []]);
    expect(team.empathy.f1).toBe(1);
  });

  it('reads the label columns a QA sheet names its own way, and names a column that is not there', async () => {
    const args = ['eval', 'empathy', fixture('qa-sheet.csv'), '--text', 'Reply', '--empathy', 'Empathy shown (Y/N)', '--categories', 'Tags', '--temper', 'Rude?', '--format', 'json'];
    const r = JSON.parse((await runCli(args)).stdout);
    expect([r.n, r.empathy.support, r.temper.support, r.skipped]).toEqual([3, 1, 1, {}]);
    expect(r.categories.filter((c: { labeled: number }) => c.labeled > 0).map((c: { label: string }) => c.label)).toEqual(['apology', 'acknowledgement']);
    // Without the names, the usual ones are not there: nothing to compare.
    expect((await runCli(['eval', 'empathy', fixture('qa-sheet.csv'), '--text', 'Reply'])).code).toBe(2);
    const missing = await runCli(['eval', 'empathy', fixture('qa-sheet.csv'), '--text', 'Reply', '--temper', 'Tone']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("qa-sheet.csv: no column 'Tone' for the temper. Columns found: Reply, Empathy shown (Y/N), Tags, Rude?.");
  });

  it('fails a CI job, naming each figure, when a figure is under the floor --fail-under sets', async () => {
    const r = JSON.parse((await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--format', 'json'])).stdout);
    const positive = r.classes[2].f1;
    const passing = await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--fail-under', `macro-f1=${r.macroF1.toFixed(3)},positive=0.5`]);
    expect([passing.code, passing.stderr]).toEqual([0, '']);
    const failing = await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--fail-under', `accuracy=0.1,positive=${(positive + 0.01).toFixed(3)}`]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe(`attune: ${fixture('binary-labels.csv')}: positive F1 ${positive.toFixed(3)} is under ${(positive + 0.01).toFixed(3)}\n`);
    expect(failing.stdout).toContain('attune eval sentiment');
    // A floor on a figure the file does not give is an error, before any output.
    const unlabeled = await runCli(['eval', 'sentiment', fixture('binary-labels.csv'), '--fail-under', 'neutral=0.5']);
    expect([unlabeled.code, unlabeled.stdout]).toEqual([2, '']);
    expect(unlabeled.stderr).toContain("gives no 'neutral' to check; it gives macro-f1, accuracy, kappa, negative, positive.");
    expect((await runCli(['eval', 'empathy', fixture('team-labels.csv'), '--fail-under', 'empathy=1.5'])).stderr).toContain("--fail-under: 'empathy=1.5' is not name=value with a value from 0 to 1");
    const empathy = await runCli(['eval', 'empathy', fixture('team-labels.csv'), '--fail-under', 'empathy=0.9,temper=1,validation=1']);
    expect([empathy.code, empathy.stderr]).toEqual([0, '']);
  });

  it('says why no message could be compared', async () => {
    const r = await runCli(['eval', 'empathy', fixture('customer-labels.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('customer-labels.csv: no labeled messages to compare (skipped: 8 no labels). A message needs a text and at least one of empathy (0/1), temper (0/1) or categories.');
  });
});
