import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type ListboxOptions, useListbox } from '../src/lib/use-listbox.js';

type HarnessProps = Partial<ListboxOptions<string>> & {
  items: string[];
  /** Told, for every key, whether the hook took it and whether its default was prevented. */
  onKey?: (key: string, handled: boolean, prevented: boolean) => void;
};

/** A field with a listbox, as the search box, the terms input and the composer build it. */
function Harness({ items, onChoose = () => {}, onClose = () => {}, onKey, ...options }: HarnessProps) {
  const listbox = useListbox({ items, onChoose, onClose, ...options });
  return (
    <>
      <input
        role="combobox"
        aria-label="Field"
        aria-expanded={items.length > 0}
        aria-controls={listbox.listboxId}
        aria-activedescendant={listbox.activeDescendant}
        onKeyDown={(event) => {
          const handled = listbox.onKeyDown(event);
          onKey?.(event.key, handled, event.defaultPrevented);
        }}
      />
      <ul id={listbox.listboxId} role="listbox" aria-label="Options">
        {items.map((item, index) => (
          <li key={item} {...listbox.optionProps(index, item)}>
            {item}
          </li>
        ))}
      </ul>
    </>
  );
}

const ITEMS = ['Alpha', 'Beta', 'Gamma'];

/** The text of the active option, or null when none is. */
function activeText() {
  const id = screen.getByRole('combobox').getAttribute('aria-activedescendant');
  if (!id) return null;
  const option = document.getElementById(id);
  expect(option?.getAttribute('role')).toBe('option');
  expect(option?.getAttribute('aria-selected')).toBe('true');
  return option?.textContent ?? null;
}

async function focusField() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('combobox'));
  return user;
}

describe('useListbox', () => {
  it('gives the listbox and every option an id, and only the active option is selected', async () => {
    render(<Harness items={ITEMS} />);
    const listbox = screen.getByRole('listbox');
    expect(screen.getByRole('combobox').getAttribute('aria-controls')).toBe(listbox.id);
    const ids = screen.getAllByRole('option').map((option) => option.id);
    expect(new Set(ids).size).toBe(3);
    expect(activeText()).toBeNull();
    const user = await focusField();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false']);
  });

  it('moves with the arrows and wraps from the last option to the first and back', async () => {
    render(<Harness items={ITEMS} />);
    const user = await focusField();
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toBe('Alpha');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeText()).toBe('Gamma');
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toBe('Alpha');
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Gamma');
  });

  it('starts from the last option when Up is pressed with none active', async () => {
    render(<Harness items={ITEMS} />);
    const user = await focusField();
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Gamma');
  });

  it('passes through the typed text between the ends with wrapThroughInput', async () => {
    render(<Harness items={ITEMS} wrapThroughInput />);
    const user = await focusField();
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Gamma');
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(activeText()).toBe('Alpha');
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBeNull();
  });

  it('picks the active option with Enter, then has none active', async () => {
    const onChoose = vi.fn();
    const onKey = vi.fn();
    render(<Harness items={ITEMS} onChoose={onChoose} onKey={onKey} />);
    const user = await focusField();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onChoose).toHaveBeenCalledExactlyOnceWith('Beta');
    expect(onKey).toHaveBeenLastCalledWith('Enter', true, true);
    expect(activeText()).toBeNull();
  });

  it('leaves Enter to the field when no option is active (a form submits, a typed term is added)', async () => {
    const onChoose = vi.fn();
    const onKey = vi.fn();
    render(<Harness items={ITEMS} onChoose={onChoose} onKey={onKey} />);
    const user = await focusField();
    await user.keyboard('{Enter}');
    expect(onChoose).not.toHaveBeenCalled();
    expect(onKey).toHaveBeenLastCalledWith('Enter', false, false);
  });

  it('picks with the keys it is given instead of Enter', async () => {
    const onChoose = vi.fn();
    const onKey = vi.fn();
    render(<Harness items={ITEMS} onChoose={onChoose} onKey={onKey} chooseKeys={['Tab', ',']} />);
    const user = await focusField();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChoose).not.toHaveBeenCalled();
    expect(onKey).toHaveBeenLastCalledWith('Enter', false, false);
    await user.keyboard(',');
    expect(onChoose).toHaveBeenCalledExactlyOnceWith('Alpha');
  });

  it('closes on Escape', async () => {
    const onClose = vi.fn();
    const onKey = vi.fn();
    render(<Harness items={ITEMS} onClose={onClose} onKey={onKey} />);
    const user = await focusField();
    await user.keyboard('{ArrowDown}{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    expect(onKey).toHaveBeenLastCalledWith('Escape', true, true);
    expect(activeText()).toBeNull();
  });

  it('leaves every key to the field while no option is shown', async () => {
    const onClose = vi.fn();
    const onKey = vi.fn();
    render(<Harness items={[]} onClose={onClose} onKey={onKey} />);
    const user = await focusField();
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}{Escape}');
    expect(onKey.mock.calls.every(([, handled, prevented]) => !handled && !prevented)).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('combobox').hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('keeps Home and End for the caret unless homeEnd is set', async () => {
    const onKey = vi.fn();
    const { unmount } = render(<Harness items={ITEMS} onKey={onKey} />);
    let user = await focusField();
    await user.keyboard('{ArrowDown}{End}');
    expect(onKey).toHaveBeenLastCalledWith('End', false, false);
    expect(activeText()).toBe('Alpha');
    unmount();

    render(<Harness items={ITEMS} homeEnd />);
    user = await focusField();
    await user.keyboard('{End}');
    expect(activeText()).toBe('Gamma');
    await user.keyboard('{Home}');
    expect(activeText()).toBe('Alpha');
  });

  it('with autoActivate has the first option active from the start and after the list shrinks', async () => {
    const { rerender } = render(<Harness items={ITEMS} autoActivate />);
    expect(activeText()).toBe('Alpha');
    const user = await focusField();
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Gamma');
    rerender(<Harness items={['Alpha', 'Beta']} autoActivate />);
    expect(activeText()).toBe('Alpha');
    rerender(<Harness items={ITEMS} autoActivate />);
    expect(activeText()).toBe('Alpha');
  });

  it('without autoActivate has none active again when the list shrinks below the active option', async () => {
    const { rerender } = render(<Harness items={ITEMS} />);
    const user = await focusField();
    await user.keyboard('{ArrowUp}');
    expect(activeText()).toBe('Gamma');
    rerender(<Harness items={['Alpha']} />);
    expect(activeText()).toBeNull();
    rerender(<Harness items={ITEMS} />);
    expect(activeText()).toBeNull();
  });

  it('highlights an option under the mouse and picks it on press without taking the focus from the field', async () => {
    const onChoose = vi.fn();
    render(<Harness items={ITEMS} onChoose={onChoose} />);
    await focusField();
    const gamma = screen.getByRole('option', { name: 'Gamma' });
    fireEvent.mouseEnter(gamma);
    expect(activeText()).toBe('Gamma');
    const pressed = fireEvent.mouseDown(gamma);
    expect(pressed).toBe(false);
    expect(onChoose).toHaveBeenCalledExactlyOnceWith('Gamma');
    expect(document.activeElement).toBe(screen.getByRole('combobox'));
  });
});
