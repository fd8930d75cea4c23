import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../../components/sidebar');
const components = readdirSync(DIR).filter((f) => f.endsWith('.tsx'));
const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

/** Words written into the JSX itself (text between tags, or a user-facing attribute) instead of coming from messages.ts. */
function literalTexts(file: string, source: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
  return found;
}

describe('all sidebar text lives in messages.ts', () => {
  it('finds the components to check', () => expect(components.length).toBeGreaterThan(20));
  it('catches a literal when there is one (the check itself works)', () => {
    expect(literalTexts('x.tsx', 'const a = <p title="Hi">Hello <b>{name}</b></p>;').sort()).toEqual(['Hello', 'title="Hi"']);
  });
  it.each(components)('%s has no UI text literals', (file) => {
    expect(literalTexts(file, readFileSync(path.join(DIR, file), 'utf8'))).toEqual([]);
  });
  it.each(components)('%s uses no innerHTML and no browser extension APIs', (file) => {
    const source = readFileSync(path.join(DIR, file), 'utf8');
    expect(source).not.toMatch(/innerHTML|dangerouslySetInnerHTML|\bbrowser\.|\bchrome\.|wxt\/browser/);
  });
});
