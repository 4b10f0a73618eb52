import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The rules of the house in DESIGN.md that imports can break. */
const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function imports(file: string): string[] {
  return [...readFileSync(join(root, file), 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map(
    (match) => match[1]!,
  );
}

describe('imports', () => {
  test('pages never import lib/auth: tokens stay in the background', () => {
    const pages = [
      ...sources('entrypoints/popup'),
      ...sources('entrypoints/options'),
      ...sources('components'),
    ];
    expect(pages.length).toBeGreaterThan(0);
    const offenders = pages.flatMap((file) =>
      imports(file)
        .filter((path) => path.includes('lib/auth'))
        .map((path) => `${file} → ${path}`),
    );
    expect(offenders).toEqual([]);
  });

  test('lib never imports from entrypoints or components', () => {
    const offenders = sources('lib').flatMap((file) =>
      imports(file)
        .filter((path) => /(^|\/|@\/)(entrypoints|components)\//.test(path))
        .map((path) => `${file} → ${path}`),
    );
    expect(offenders).toEqual([]);
  });
});
