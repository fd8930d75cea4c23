import { z } from 'zod';
import { ObjectiveCategory, ObjectiveStatus } from '../../../lib/contract/secondment';
import { Vocabulary, oneLine } from '../values';
import { NameCell } from './text-schemas';

/** An objective as imported; the caller gives it its id (the contract's Objective has one). */
export const ObjectiveRow = z.object({ category: ObjectiveCategory, description: NameCell, status: ObjectiveStatus });
export type ObjectiveRow = z.infer<typeof ObjectiveRow>;

/** The contract allows this many objectives per secondment. */
export const OBJECTIVES_MAX = 50;

/** Category of an objective that names none: building the client relationship is what most are. */
export const DEFAULT_OBJECTIVE_CATEGORY: ObjectiveRow['category'] = 'relationship';

export const OBJECTIVE_STATUSES = new Vocabulary<ObjectiveRow['status']>('objective status', {
  open: ['new', 'to do', 'todo', 'not started', 'pending'],
  'in-progress': ['in progress', 'ongoing', 'started', 'underway', 'wip', 'active'],
  met: ['done', 'achieved', 'complete', 'completed'],
  'not-met': ['not met', 'missed', 'failed', 'unmet'],
  dropped: ['cancelled', 'canceled', 'abandoned', 'removed', 'withdrawn'],
});

export const OBJECTIVE_CATEGORIES = new Vocabulary<ObjectiveRow['category']>('objective category', {
  skills: ['skill', 'training', 'learning'],
  relationship: ['relationships', 'client relationship', 'relationship building'],
  'business-development': ['business development', 'bd', 'biz dev', 'opportunities', 'opportunity'],
  'knowledge-exchange': ['knowledge exchange', 'knowledge', 'knowledge sharing', 'know how', 'knowhow'],
  'service-delivery': ['service delivery', 'delivery', 'client service', 'service'],
});

/** Bullets and numbering people type in front of list items: "-", "•", "*", "1.", "2)". */
const BULLET = /^(?:[-–•*·]|\d{1,2}[.)])\s+/;

/**
 * The objectives cell: one objective per line or per `;`. An objective may start with a status
 * and/or a category before a colon ("met: Lead the GDPR review", "BD, in progress: Find two
 * matters"); a prefix that is not such words is part of the text ("Note: …"). Without a prefix an
 * objective is open and of the default category.
 */
export function parseObjectives(cell: string): { objectives: ObjectiveRow[]; problems: string[] } {
  const items = cell.split(/[;\r\n]+/).map((s) => oneLine(s).replace(BULLET, '')).filter((s) => s !== '');
  const problems: string[] = [];
  if (items.length > OBJECTIVES_MAX) problems.push(`${items.length} objectives, more than ${OBJECTIVES_MAX}`);
  const objectives = items.map((item) => {
    const colon = item.indexOf(':');
    let status: ObjectiveRow['status'] = 'open';
    let category = DEFAULT_OBJECTIVE_CATEGORY;
    let description = item;
    if (colon > 0) {
      const words = item.slice(0, colon).split(/[,/|()]+/).map((w) => w.trim()).filter((w) => w !== '');
      const statuses = words.map((w) => OBJECTIVE_STATUSES.lookup(w));
      const categories = words.map((w) => OBJECTIVE_CATEGORIES.lookup(w));
      if (words.length > 0 && words.length <= 2 && words.every((_, i) => statuses[i] !== undefined || categories[i] !== undefined)) {
        // A word that is both (none today) counts as a status.
        words.forEach((_, i) => {
          if (statuses[i] !== undefined) status = statuses[i]!;
          else category = categories[i]!;
        });
        description = item.slice(colon + 1).trim();
      }
    }
    if (description.length > 200) problems.push(`objective "${description.slice(0, 40)}…" is longer than 200 characters`);
    if (description === '') problems.push(`objective "${item}" has no text`);
    return { category, description, status };
  });
  return { objectives, problems };
}
