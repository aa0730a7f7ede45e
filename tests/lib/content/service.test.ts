import { CONTENT_COLLECTION, ContentService } from '../../../lib/content/service';
import { SEED_CONTENT, type ContentSeed } from '../../../lib/content/seed';
import { INTENTS } from '../../../lib/content/types';
import type { Store } from '../../../lib/store/types';
import { openTempStore } from '../../helpers/tempStore';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the seed content', () => {
  test('every message exists in Thai and English, with the same placeholders', () => {
    for (const [key, message] of Object.entries(SEED_CONTENT.messages)) {
      expect([key, message.th.trim().length > 0, message.en.trim().length > 0]).toEqual([key, true, true]);
      expect([key, placeholders(message.th)]).toEqual([key, placeholders(message.en)]);
    }
  });

  test('every category and intent exists in both languages; ids are unique', () => {
    const ids = SEED_CONTENT.categories.map((category) => category.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const category of SEED_CONTENT.categories) {
      expect(category.label.th && category.label.en && category.description.th && category.description.en).toBeTruthy();
    }
    expect(SEED_CONTENT.categories.filter((category) => category.anonymousAllowed).map((category) => category.id)).toEqual(['tipoff']);
    for (const intent of INTENTS) {
      expect([intent, SEED_CONTENT.intents[intent].th.length > 0, SEED_CONTENT.intents[intent].en.length > 0]).toEqual([intent, true, true]);
    }
  });

  test('every message key the code uses is in the seed', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const path = require('node:path') as typeof import('node:path');
    const root = path.resolve(__dirname, '../../..');
    const used = new Set<string>();
    for (const folder of ['bot', 'dialogs', 'cards']) {
      for (const file of fs.readdirSync(path.join(root, folder), { recursive: true }) as string[]) {
        if (!file.endsWith('.ts')) continue;
        const source = fs.readFileSync(path.join(root, folder, file), 'utf8');
        // Keys passed to the translator or named in prompt options (dialog ids look alike and are not texts).
        const uses = /(?:\bt\(|\.get\([^,()]+,\s*|(?:textKey|retryKey|emptyRetryKey|skipLabelKey|introKey):\s*|bilingual\([^,()]+,\s*)'([a-z]+\.[A-Za-z.-]+)'/g;
        for (const match of source.matchAll(uses)) used.add(match[1]);
      }
    }
    const missing = [...used].filter((key) => !(key in SEED_CONTENT.messages) && !key.endsWith('.'));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(60);
  });
});

describe('ContentService', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openTempStore());
  });
  afterEach(async () => close());

  test('seeds an empty store and reads texts with placeholders filled', async () => {
    const content = await ContentService.open(store);
    expect(content.get('th', 'complaint.subject.retry', { min: 5, max: 150 })).toBe('หัวข้อควรยาว 5–150 ตัวอักษรค่ะ ลองสรุปอีกครั้ง');
    expect(content.categories().map((category) => category.id)).toEqual(SEED_CONTENT.categories.map((category) => category.id));
    expect(content.faqEntries().length).toBe(SEED_CONTENT.faq.length);
    expect(() => content.get('th', 'no.such.key')).toThrow('No text for key "no.such.key"');
  });

  test('an admin edit changes what the bot says at once, and on another instance after a refresh', async () => {
    const a = await ContentService.open(store);
    const b = await ContentService.open(store);
    await a.setMessage('menu.prompt', { th: 'มีอะไรให้ช่วยคะ (แก้ไข)', en: 'How can I help? (edited)' }, 'admin-1');
    expect(a.get('en', 'menu.prompt')).toBe('How can I help? (edited)');
    expect(b.get('en', 'menu.prompt')).not.toBe('How can I help? (edited)');
    expect(await b.refreshIfChanged()).toBe(true);
    expect(b.get('en', 'menu.prompt')).toBe('How can I help? (edited)');
    expect(await b.refreshIfChanged()).toBe(false);
  });

  test('reseeding never overwrites an admin edit, but updates seeded texts that a release changed', async () => {
    await ContentService.open(store);
    const first = await ContentService.open(store);
    await first.setMessage('menu.prompt', { th: 'แก้ไขแล้ว', en: 'edited' }, 'admin');
    const release: ContentSeed = {
      ...SEED_CONTENT,
      messages: { ...SEED_CONTENT.messages, 'menu.prompt': { th: 'ใหม่', en: 'new' }, 'menu.title': { th: 'หัวข้อใหม่', en: 'New title' } },
    };
    const after = await ContentService.open(store, release);
    expect(after.get('en', 'menu.prompt')).toBe('edited');
    expect(after.get('en', 'menu.title')).toBe('New title');
  });

  test('refuses edits that would break the bot: missing language, changed placeholders, unknown key', async () => {
    const content = await ContentService.open(store);
    await expect(content.setMessage('menu.prompt', { th: '', en: 'x' }, 'a')).rejects.toMatchObject({ code: 'CONTENT_INVALID' });
    await expect(content.setMessage('complaint.subject.retry', { th: 'ยาว {min} ตัว', en: 'at least {min}' }, 'a')).rejects.toMatchObject({ code: 'CONTENT_INVALID' });
    await expect(content.setMessage('no.such', { th: 'x', en: 'y' }, 'a')).rejects.toMatchObject({ code: 'CONTENT_NOT_FOUND' });
    await expect(content.setFaqEntry({ id: 'Bad Id', questions: { th: ['q'], en: ['q'] }, answer: { th: 'a', en: 'a' } }, 'a')).rejects.toMatchObject({ code: 'CONTENT_INVALID' });
  });

  test('a canned answer stored before answers had two forms reads as neutral wording, as the officer app takes it', async () => {
    const old = { id: 'old-wait', title: { th: 'รอ', en: 'Wait' }, text: { th: 'กรุณารอสักครู่', en: 'One moment, please' } };
    const content = await ContentService.open(store, { ...SEED_CONTENT, canned: [...SEED_CONTENT.canned, old as unknown as ContentSeed['canned'][number]] });
    expect(content.canned().find((answer) => answer.id === 'old-wait')?.text).toEqual({ form: 'neutral', th: 'กรุณารอสักครู่', en: 'One moment, please' });
  });

  test('admin edits are recorded with who made them', async () => {
    const content = await ContentService.open(store);
    await content.setCategory({ ...SEED_CONTENT.categories[0], label: { th: 'เจ้าหน้าที่รัฐ', en: 'Officials' } }, 'admin-7');
    const stored = await store.collection(CONTENT_COLLECTION).findOne({ _id: `category:${SEED_CONTENT.categories[0].id}` });
    expect(stored).toMatchObject({ source: 'admin', updatedBy: 'admin-7' });
    expect(content.category(SEED_CONTENT.categories[0].id)?.label.en).toBe('Officials');
  });
});
