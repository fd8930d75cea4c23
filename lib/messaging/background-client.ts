import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { OptionsToBackground, SidebarRequest } from './protocol';
import { fail, type Result } from './result';

/** Any request an extension page (sidebar, side panel, options, pipeline) may make of the background. */
export type PageRequest = SidebarRequest | OptionsToBackground;

const Answer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string().max(100), message: z.string().max(2_000) }) }),
]);

/**
 * The one way extension pages ask the background something. The answer is validated where it is
 * received, envelope and value (fail closed): a worker of another version, or a bug, yields a clear
 * failure instead of a cast that breaks later in a component. Never throws.
 */
export async function askBackground<S extends z.ZodType = z.ZodUnknown>(message: PageRequest, value?: S): Promise<Result<z.output<S>>> {
  let answer: unknown;
  try {
    answer = await browser.runtime.sendMessage(message);
  } catch (error) {
    return fail('unreachable', `Secondment Lens could not reach its background: ${String(error)}`);
  }
  const envelope = Answer.safeParse(answer);
  if (!envelope.success) return fail('invalid-answer', 'The background’s answer was not understood.');
  if (!envelope.data.ok) return envelope.data;
  if (value === undefined) return { ok: true, value: envelope.data.value as z.output<S> };
  const parsed = value.safeParse(envelope.data.value);
  return parsed.success ? { ok: true, value: parsed.data } : fail('invalid-answer', 'The background’s answer was not understood.');
}
