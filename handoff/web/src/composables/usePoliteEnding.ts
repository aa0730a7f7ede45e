import { ref, watch } from 'vue';
import type { PoliteEnding } from '../logic/reply';

/** The officer's own polite ending for canned answers in Thai (ค่ะ, ครับ or none), kept in this browser. */
const KEY = 'damrongdham.officer.polite';

function stored(): PoliteEnding {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'ka' || value === 'krap' ? value : 'neutral';
  } catch {
    return 'neutral';
  }
}

const ending = ref<PoliteEnding>(stored());
watch(ending, (value) => {
  try {
    window.localStorage.setItem(KEY, value);
  } catch {
    // Storage switched off: the choice holds until the page is closed.
  }
});

export function usePoliteEnding() {
  return ending;
}
