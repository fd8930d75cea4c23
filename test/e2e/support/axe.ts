import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** WCAG 2.1 A/AA violations, one line each (rule, impact, first offending elements), so a failure reads at a glance. */
export async function axeViolations(page: Page, options: { include?: string } = {}): Promise<string[]> {
  const analyze = () => {
    let builder = new AxeBuilder({ page }).withTags(WCAG_AA);
    if (options.include) builder = builder.include(options.include);
    return builder.analyze();
  };
  // A frame axe could not enter would pass vacuously: make sure it judged elements inside it. On a
  // loaded machine axe's injection into the extension frame sometimes times out and the frame is
  // skipped silently; one more attempt, and a frame still not entered fails the test.
  const insideFrame = (r: Awaited<ReturnType<typeof analyze>>) => r.passes.flatMap((p) => p.nodes).some((n) => n.target.length > 1);
  let result = await analyze();
  if (options.include && !insideFrame(result)) {
    await page.waitForTimeout(500);
    result = await analyze();
    if (!insideFrame(result)) throw new Error(`axe examined nothing inside ${options.include}`);
  }
  const { violations } = result;
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

/** Only the sidebar frame (axe reaches into it); the host page's own markup is not ours to judge. */
export const SIDEBAR_FRAME = 'iframe[data-secondment-lens]';
