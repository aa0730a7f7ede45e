import type { OpenConversation } from '../../../handoff/web/src/state/desk';

/** A live conversation the officer holds, opened and loaded, as the desk keeps it: the component tests' fixture. */
export function openLiveConversation(lang: 'th' | 'en'): OpenConversation {
  return {
    id: 'c1',
    item: { id: 'c1', state: 'live', kind: 'live', centreCode: '50', centreName: { th: 'เชียงใหม่', en: 'Chiang Mai' }, channelId: 'directline', lang, reason: '', requestedAt: 1, queuedAt: 1, lastActivityAt: 1, officerId: 'me' },
    messages: [],
    notes: [],
    complaint: null,
    loading: false,
    notFound: false,
    closedHere: false,
    gone: false,
    transferredHere: false,
    notice: null,
    draft: { text: '', link: '' },
  };
}
