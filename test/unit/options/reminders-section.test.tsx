// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RemindersSection } from '@/components/options/RemindersSection';

afterEach(cleanup);

/** storage.local's reminder key, with writes and reads that can be made to fail or wait. */
function store(initial: boolean) {
  let stored = initial;
  const state = {
    failWrites: false,
    failReads: false,
    writes: [] as boolean[],
    /** Writes wait for `release()` while set (to interleave two clicks). */
    hold: null as null | { release: () => void; promise: Promise<void> },
    read: async () => {
      if (state.failReads) throw new Error('storage unavailable');
      return stored;
    },
    write: async (on: boolean) => {
      state.writes.push(on);
      const held = state.hold;
      if (held) await held.promise;
      if (state.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      stored = on;
    },
    stored: () => stored,
    /** Another options page (or the policy) changes what is stored; this box is not told. */
    storeElsewhere: (on: boolean) => void (stored = on),
  };
  return state;
}

const hold = () => {
  let release = () => undefined as void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { release, promise };
};

const box = () => screen.getByRole('checkbox') as HTMLInputElement;

describe('the reminders box in the options page', () => {
  it('shows what is stored, then a click at once, and writes it', async () => {
    const s = store(false);
    render(<RemindersSection read={s.read} write={s.write} />);
    await waitFor(() => expect(box().disabled).toBe(false));
    expect(box().checked).toBe(false);
    fireEvent.click(box());
    expect(box().checked).toBe(true);
    await waitFor(() => expect(s.stored()).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a write that fails says why, and the box shows what is stored again', async () => {
    const s = store(true);
    render(<RemindersSection read={s.read} write={s.write} />);
    await waitFor(() => expect(box().checked).toBe(true));
    s.storeElsewhere(false); // what is stored is now neither this click's choice nor what the box showed
    s.failWrites = true;
    fireEvent.click(box()); // off: the write fails
    expect((await screen.findByRole('alert')).textContent).toBe('Your choice was not saved (QUOTA_BYTES quota exceeded). The box shows what is stored; try again.');
    // What is stored (off), not what the box showed before the click (on).
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(box().checked).toBe(false);
    expect(box().disabled).toBe(false);
  });

  it('when the write and the re-read both fail, the box goes back to what it showed before the click and stays usable', async () => {
    const s = store(true);
    render(<RemindersSection read={s.read} write={s.write} />);
    await waitFor(() => expect(box().checked).toBe(true));
    s.failWrites = true;
    s.failReads = true;
    fireEvent.click(box());
    expect(box().checked).toBe(false);
    await screen.findByRole('alert');
    await waitFor(() => expect(box().checked).toBe(true));
    expect(box().disabled).toBe(false);
    // The next click is a fresh try: it succeeds once storage does, and the message goes.
    s.failWrites = false;
    s.failReads = false;
    fireEvent.click(box());
    await waitFor(() => expect(s.stored()).toBe(false));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a choice that cannot be read shows as off, says why, and can still be turned on', async () => {
    const s = store(true);
    s.failReads = true;
    render(<RemindersSection read={s.read} write={s.write} />);
    expect((await screen.findByRole('alert')).textContent).toContain('could not be read (storage unavailable)');
    expect(box().checked).toBe(false);
    expect(box().disabled).toBe(false);
    s.failReads = false;
    fireEvent.click(box());
    await waitFor(() => expect(s.writes).toEqual([true]));
  });

  it('a first click’s failure landing after a second click neither reports nor undoes the second, which was saved', async () => {
    const s = store(false);
    render(<RemindersSection read={s.read} write={s.write} />);
    await waitFor(() => expect(box().disabled).toBe(false));
    const first = hold();
    s.hold = first;
    fireEvent.click(box()); // on: its write waits
    s.hold = null;
    fireEvent.click(box()); // off: saved at once
    await waitFor(() => expect(s.writes).toEqual([true, false]));
    s.failWrites = true;
    await act(async () => first.release()); // the first write now fails
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(box().checked).toBe(false);
    expect(s.stored()).toBe(false);
  });
});
