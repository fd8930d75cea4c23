import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { fieldNamed, type FieldSpec, type HeaderMapping } from './headers';
import { ImportFileError } from './table';

/** A mapping file: `{ "<our field>": "<their header>" }`, e.g. `{ "secondee": "Fee earner" }`. */
export const HeaderMappingFile = z.record(
  z.string().min(1, 'a field name is empty'),
  z.string().trim().min(1, 'a header is empty').max(200, 'a header is longer than 200 characters'),
);

/**
 * Reads and validates a mapping file against the fields of one import: not JSON, not an object of
 * strings, or a field this import does not have, is an error naming the fields it does have.
 */
export async function readHeaderMapping(path: string, fields: readonly FieldSpec[]): Promise<HeaderMapping> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ImportFileError(`The mapping file ${path} cannot be read as JSON (${(error as Error).message}).`);
  }
  return parseHeaderMapping(json, fields, path);
}

export function parseHeaderMapping(json: unknown, fields: readonly FieldSpec[], path = 'mapping'): HeaderMapping {
  const known = fields.map((f) => f.key).join(', ');
  const parsed = HeaderMappingFile.superRefine((mapping, ctx) => {
    for (const name of Object.keys(mapping)) {
      if (fieldNamed(fields, name) === undefined) ctx.addIssue({ code: 'custom', message: `unknown field "${name}"` });
    }
  }).safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message).join('; ');
    throw new ImportFileError(
      `The mapping file ${path} is not valid (${problems}). It must be a JSON object { "<our field>": "<your header>" } with fields among: ${known}.`,
    );
  }
  return parsed.data;
}
