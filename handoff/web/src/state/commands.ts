/**
 * The keyboard's commands (next/previous item, claim, focus the reply box, close): the screen that can do one
 * registers it while it is shown, and the shortcut runs whatever is registered.
 */
export type CommandName = 'next' | 'previous' | 'claim' | 'reply' | 'close';

const registered = new Map<CommandName, () => void>();

export function registerCommand(name: CommandName, run: () => void): () => void {
  registered.set(name, run);
  return () => {
    if (registered.get(name) === run) registered.delete(name);
  };
}

export function runCommand(name: CommandName): boolean {
  const run = registered.get(name);
  if (!run) return false;
  run();
  return true;
}
