// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SidebarPlacementSection } from '@/components/options/SidebarPlacementSection';
import type { LoadedSettings } from '@/lib/settings/load-settings';
import { SettingsSchema } from '@/lib/settings/settings-schema';

afterEach(cleanup);

const loaded = (values: Record<string, unknown>, managedKeys: string[]): LoadedSettings => ({
  settings: SettingsSchema.parse(values), managedKeys, invalid: [], problems: [], policy: 'read',
});

const PAGE = 'Beside the record, in the CRM page';
const PANEL = /Only in the browser’s side panel/;

describe('where the sidebar shows, in the options page', () => {
  it('shows the choice in force and saves the other when the user picks it', () => {
    const onSave = vi.fn(async (_patch: object) => ({ ok: true as const, value: null }));
    render(<SidebarPlacementSection loaded={loaded({}, [])} onSave={onSave} />);
    expect((screen.getByLabelText(PAGE) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(PANEL) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByLabelText(PANEL));
    expect(onSave).toHaveBeenCalledWith({ sidebarPlacement: 'side-panel' });
  });

  it('is read-only, saying so, when the firm’s policy sets it', () => {
    const onSave = vi.fn(async (_patch: object) => ({ ok: true as const, value: null }));
    render(<SidebarPlacementSection loaded={loaded({ sidebarPlacement: 'side-panel' }, ['sidebarPlacement'])} onSave={onSave} />);
    const panel = screen.getByLabelText(PANEL) as HTMLInputElement;
    expect(panel.checked).toBe(true);
    expect(panel.closest('fieldset')!.disabled).toBe(true);
    expect(screen.getByTestId('sidebar-placement').textContent).toContain('Set by your firm’s IT.');
    fireEvent.click(screen.getByLabelText(PAGE));
    expect(onSave).not.toHaveBeenCalled();
  });
});
