import { computed, ref } from 'vue';
import { officerApi } from '../api/officer';
import type { PoliteEnding } from '../../../../lib/officers/accountRules';
import { me, setOfficer } from '../state/session';

/**
 * The officer's own polite ending (ค่ะ or ครับ) for canned answers in Thai: their account's setting, changed from
 * the reply box. Until they choose, canned answers come in the ค่ะ form and the box asks them to choose.
 */
const failed = ref<PoliteEnding | undefined>(undefined);

export function usePoliteEnding() {
  const ending = computed<PoliteEnding | undefined>(() => me.value?.politeEnding ?? failed.value);
  async function choose(value: PoliteEnding): Promise<void> {
    try {
      setOfficer((await officerApi.saveSettings({ politeEnding: value })).officer);
    } catch {
      // Not saved with the account: it holds in this page until it is reloaded.
      failed.value = value;
    }
  }
  return { ending, choose };
}
