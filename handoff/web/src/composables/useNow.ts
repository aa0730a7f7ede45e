import { onScopeDispose, ref } from 'vue';

/**
 * The time, ticking: waiting times and timers count up while the page is open without anything else being
 * redrawn. Every user shares one interval.
 */
const now = ref(Date.now());
let users = 0;
let timer: number | undefined;

export function useNow(everyMs = 15 * 1000) {
  users += 1;
  if (users === 1) timer = window.setInterval(() => (now.value = Date.now()), everyMs);
  now.value = Date.now();
  onScopeDispose(() => {
    users -= 1;
    if (users === 0) window.clearInterval(timer);
  });
  return now;
}
