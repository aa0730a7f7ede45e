import type { CommandName } from '../state/commands';

/**
 * The keyboard shortcuts: single keys, as in mail and chat desks, never while the officer types in a field
 * (there, only Escape leaves it). "?" opens the list of them.
 */
export const SHORTCUTS: ReadonlyArray<{ key: string; command: CommandName | 'help'; label: string }> = [
  { key: 'j', command: 'next', label: 'keyNext' },
  { key: 'k', command: 'previous', label: 'keyPrevious' },
  { key: 'c', command: 'claim', label: 'keyClaim' },
  { key: 'r', command: 'reply', label: 'keyReply' },
  { key: 'x', command: 'close', label: 'keyClose' },
  { key: '?', command: 'help', label: 'keyHelp' },
];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focus is in a text field, a select or an editable element. */
  typing: boolean;
}

export function commandFor(press: KeyPress): CommandName | 'help' | undefined {
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  return SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.command;
}
