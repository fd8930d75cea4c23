import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../../components/pipeline');
const components = readdirSync(DIR).filter((f) => f.endsWith('.tsx'));
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

/** Words written into the JSX itself instead of coming from messages.ts (same check as the sidebar's). */
function literalTexts(source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) found.push(node.name.getText());
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('x.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
  return found;
}

describe('all pipeline text lives in messages.ts; no browser APIs in the components', () => {
  it('finds the components', () => expect(components.length).toBeGreaterThanOrEqual(8));
  it.each(components)('%s', (file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    expect(literalTexts(source)).toEqual([]);
    expect(source).not.toMatch(/innerHTML|dangerouslySetInnerHTML|\bbrowser\.|\bchrome\.|wxt\/browser|indexedDB|localStorage/);
  });
});
