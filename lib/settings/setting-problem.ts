import type { z } from 'zod';
import { settingLabel } from './policy-schema';

/** A setting whose value was refused: reported in the options page, the rest still applies. */
export interface SettingProblem {
  key: string;
  /** policy: firm IT's managed storage; user: this user's own options. */
  source: 'policy' | 'user';
  /** Plain words for a lawyer or IT: which setting, what it was, what it must be, what is used. */
  message: string;
}

/**
 * Words for a refused value, e.g. `Your firm’s policy sets “Request time-out (seconds)” to 500,
 * but it must be at most 120. Secondment Lens uses 20 instead.` Built from zod's issue, not its
 * message, which is written for developers ("Too big: expected number to be <=120").
 */
export function describeProblem(key: string, source: SettingProblem['source'], value: unknown, issue: z.core.$ZodIssue | undefined, used: unknown): SettingProblem {
  const who = source === 'policy' ? 'Your firm’s policy sets' : 'Your own settings set';
  const instead = used === null || used === undefined ? 'Secondment Lens leaves it unset.' : `Secondment Lens uses ${show(used)} instead.`;
  return { key, source, message: `${who} “${settingLabel(key)}” to ${show(value)}, but ${requirement(issue)}. ${instead}` };
}

export function requirement(issue: z.core.$ZodIssue | undefined): string {
  switch (issue?.code) {
    case 'invalid_type':
      return `it must be ${KIND[issue.expected] ?? `of type ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? 'it must not be empty' : `it must be at least ${issue.minimum} characters long`) : `it must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `it must be at most ${issue.maximum} characters long` : `it must be at most ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'it must be a full web address, e.g. https://lens.yourfirm.com' : `it must be a valid ${issue.format}`;
    case 'custom':
      return `it breaks this rule: ${issue.message.replace(/\.$/, '')}`; // the caller ends the sentence
    default:
      return 'it is not a value this setting accepts';
  }
}

const KIND: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named values',
};

/** A value as IT wrote it, short enough for one line. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
