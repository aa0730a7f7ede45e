import { computed, reactive, readonly } from 'vue';
import { installApiHooks } from '../api/client';
import { officerApi } from '../api/officer';
import type { Officer, Session } from '../api/types';

/**
 * Who is signed in, as the service says: the one place the app keeps its session. Screens read it; only the
 * functions here change it. `phase` says which of the app's front doors is shown.
 */
export type Phase = 'loading' | 'signedOut' | 'mustChangePassword' | 'working';

const state = reactive({
  phase: 'loading' as Phase,
  session: null as Session | null,
  /** Why the sign-in screen is shown again (the session ended), as a catalogue key. */
  signedOutBecause: '' as string,
  /** The officer asked to change their password themselves (they may cancel). */
  changingPassword: false,
});

export const session = readonly(state);

export const me = computed<Officer | undefined>(() => state.session?.officer as Officer | undefined);
export const isAdmin = computed(() => me.value?.role === 'admin');

const listeners = new Set<() => void>();
/** Called when the session ends, so that every store forgets the last officer's work. */
export function onSignedOut(listener: () => void): void {
  listeners.add(listener);
}

function forget(because: string): void {
  state.session = null;
  state.phase = 'signedOut';
  state.changingPassword = false;
  state.signedOutBecause = because;
  for (const listener of listeners) listener();
}

export function start(session: Session): void {
  state.session = session;
  state.signedOutBecause = '';
  state.phase = session.officer.mustChangePassword ? 'mustChangePassword' : 'working';
}

/** The session again from the service (an admin may have changed this officer's name, role or centres). */
export async function refresh(): Promise<boolean> {
  try {
    const fresh = await officerApi.session({ quiet: true });
    if (state.session && fresh.officer.id === state.session.officer.id) {
      state.session = fresh;
      if (fresh.officer.mustChangePassword) state.phase = 'mustChangePassword';
    }
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 401) ended();
    return false;
  }
}

export async function boot(): Promise<void> {
  try {
    start(await officerApi.session({ quiet: true }));
  } catch {
    state.phase = 'signedOut';
  }
}

export async function signIn(username: string, password: string): Promise<void> {
  start(await officerApi.signIn(username, password));
}

export async function signOut(): Promise<void> {
  await officerApi.signOut().catch(() => undefined);
  forget('');
}

/** The service ended the session (expired, signed out elsewhere, password changed or reset). */
export function ended(): void {
  if (state.phase === 'signedOut') return;
  forget(state.session ? 'sessionEnded' : '');
}

export function askPasswordChange(voluntary: boolean): void {
  if (!state.session) return;
  state.changingPassword = voluntary;
  if (!voluntary) state.phase = 'mustChangePassword';
}

export function cancelPasswordChange(): void {
  state.changingPassword = false;
}

export async function changePassword(current: string, next: string): Promise<void> {
  await officerApi.changePassword(current, next);
  start(await officerApi.session({ quiet: true }));
  state.changingPassword = false;
}

export function setDisplayName(name: string): void {
  if (state.session) state.session.officer.displayName = name;
}

/** The officer's own account as the service now has it (a changed setting). */
export function setOfficer(officer: Officer): void {
  if (state.session && state.session.officer.id === officer.id) state.session.officer = officer;
}

installApiHooks({
  csrfToken: () => state.session?.csrfToken,
  renewCsrfToken: async () => {
    const fresh = await officerApi.session({ quiet: true }).catch(() => undefined);
    if (fresh && state.session) state.session.csrfToken = fresh.csrfToken;
    return fresh?.csrfToken;
  },
  sessionEnded: ended,
  passwordChangeRequired: () => askPasswordChange(false),
});
