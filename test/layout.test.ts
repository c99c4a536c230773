// The code's layout: every source, rule and script file is kebab-case, at most 400 lines, and opens
// with a comment saying what it owns.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const CODE = /\.(ts|mjs|js|yaml)$/;

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && CODE.test(e.name) && !e.parentPath.includes('.scratch'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .sort();
}

const ALL = ['src', 'bin', 'scripts'].flatMap(files);

describe('layout', () => {
  it('finds the files it checks', () => {
    expect(ALL.filter((f) => f.startsWith('src/detect/rules/')).length).toBeGreaterThan(30);
    expect(ALL).toContain('src/pipeline.ts');
  });

  it('keeps every file to 400 lines or fewer', () => {
    const long = ALL.map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8').trimEnd().split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('opens every file with a comment saying what it owns', () => {
    const bare = ALL.filter((f) => {
      const lines = readFileSync(path.join(ROOT, f), 'utf8').split('\n');
      const first = lines[0]!.startsWith('#!') ? lines[1]! : lines[0]!;
      return !/^(\/\/|#) \S/.test(first);
    });
    expect(bare).toEqual([]);
  });

  it('names files in kebab-case', () => {
    expect(ALL.filter((f) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.d)?\.(ts|mjs|js|yaml)$/.test(path.basename(f)))).toEqual([]);
  });
});
