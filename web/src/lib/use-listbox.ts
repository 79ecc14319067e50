import { type KeyboardEvent, type MouseEvent, useId, useState } from 'react';

export interface ListboxOptions<T> {
  /** The options as shown; an empty list means the listbox is closed and the keys are left alone. */
  items: readonly T[];
  /** An option was picked, with one of `chooseKeys` or the mouse. */
  onChoose: (item: T) => void;
  /** Escape was pressed while options were shown. */
  onClose: () => void;
  /** The keys that pick the active option (default Enter). Without an active option they are left to the field. */
  chooseKeys?: readonly string[];
  /** The first option is active as soon as options show (the field only ever picks from them), rather than none. */
  autoActivate?: boolean;
  /** The arrows pass through "no option" (back to the typed text) between the last option and the first. */
  wrapThroughInput?: boolean;
  /** Home and End go to the first and last option. Off by default: in a text field they move the caret. */
  homeEnd?: boolean;
}

export interface OptionProps {
  id: string;
  role: 'option';
  'aria-selected': boolean;
  onMouseDown: (event: MouseEvent) => void;
  onMouseEnter: () => void;
}

export interface Listbox<T> {
  listboxId: string;
  optionId: (index: number) => string;
  /** The index of the active option, or -1. */
  active: number;
  /** The field's aria-activedescendant: the active option's id while options show. */
  activeDescendant: string | undefined;
  /** Back to no active option (or the first, with autoActivate), e.g. when the typed text changes. */
  reset: () => void;
  /** Handles the listbox's keys on the field; true when the key was one of them (its default is then prevented). */
  onKeyDown: (event: KeyboardEvent) => boolean;
  /** What each option element needs: its id, role, selection and mouse handling. */
  optionProps: (index: number, item: T) => OptionProps;
}

/**
 * The keyboard and ARIA of a field that offers a listbox of options (the WAI-ARIA 1.2 combobox pattern):
 * focus stays in the field, the arrows move the active option (aria-activedescendant), Enter picks it,
 * Escape closes the list, the mouse highlights and picks. What opens the list and what a pick does is
 * the field's own business.
 */
export function useListbox<T>({
  items,
  onChoose,
  onClose,
  chooseKeys = ['Enter'],
  autoActivate = false,
  wrapThroughInput = false,
  homeEnd = false,
}: ListboxOptions<T>): Listbox<T> {
  const id = useId();
  const none = autoActivate ? 0 : -1;
  const [stored, setActive] = useState(none);
  // The list got shorter than the active index: start again (adjusting state while rendering, as React
  // documents it for state that follows a prop, rather than in an effect after a wrong first paint).
  if (stored >= items.length && stored !== none) setActive(none);
  const active = stored >= items.length ? none : stored;
  const last = items.length - 1;
  const optionId = (index: number) => `${id}-option-${index}`;

  const reset = () => setActive(none);
  const choose = (item: T) => {
    reset();
    onChoose(item);
  };

  const next = (key: string): number | null => {
    if (key === 'ArrowDown') {
      if (wrapThroughInput) return active >= last ? -1 : active + 1;
      return active >= last ? 0 : active + 1;
    }
    if (key === 'ArrowUp') {
      if (wrapThroughInput) return active === -1 ? last : active - 1;
      return active <= 0 ? last : active - 1;
    }
    if (homeEnd && key === 'Home') return 0;
    if (homeEnd && key === 'End') return last;
    return null;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (items.length === 0) return false;
    const moved = next(event.key);
    if (moved !== null) {
      event.preventDefault();
      setActive(moved);
      return true;
    }
    const item = active >= 0 ? items[active] : undefined;
    if (chooseKeys.includes(event.key) && item !== undefined) {
      event.preventDefault();
      choose(item);
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      reset();
      onClose();
      return true;
    }
    return false;
  };

  return {
    listboxId: `${id}-listbox`,
    optionId,
    active,
    activeDescendant: items.length > 0 && active >= 0 ? optionId(active) : undefined,
    reset,
    onKeyDown,
    optionProps: (index, item) => ({
      id: optionId(index),
      role: 'option',
      'aria-selected': index === active,
      onMouseDown: (event) => {
        // Keeps the focus in the field.
        event.preventDefault();
        choose(item);
      },
      onMouseEnter: () => setActive(index),
    }),
  };
}
