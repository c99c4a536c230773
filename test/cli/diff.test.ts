import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/cli/diff-command.js';
import { FIXTURES, runCli } from '../helpers.js';

const cwd = path.join(FIXTURES, 'cases', 'diff-gate');

describe('attune diff', () => {
  it('lists the same metrics in its help as it computes', async () => {
    const help = (await runCli(['diff', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`(metrics: ${Object.keys(METRICS).join(', ')})`);
  });

  it('passes when the drop is within the gate, and reports changes as JSON', async () => {
    const r = await runCli(['diff', 'old.json', 'new.json', '--fail-on-drop', 'empathy-when-needed=20', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const team = JSON.parse(r.stdout).rows.find((row: { agent: string }) => row.agent === '(team)');
    expect(team.changes['empathy-when-needed']).toBe(-16);
  });

  it('rejects an unknown metric and a file that is not a report', async () => {
    expect((await runCli(['diff', 'old.json', 'new.json', '--fail-on-drop', 'kindness=5'], { cwd })).stderr).toMatch(/--fail-on-drop: 'kindness=5' is not METRIC=POINTS/);
    const bad = await runCli(['diff', 'old.json', 'case.json'], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('case.json: not an attune JSON report');
  });
});
