import { forStorage, hasSecrets, markPrivacy, privacyMarkOf } from '../../../lib/privacy/marks';

describe('marks on outgoing messages', () => {
  test('survive the copies botbuilder makes and are dropped by JSON', () => {
    const activity = markPrivacy({ type: 'message', text: 'PIN 482913' }, { expects: 'trackingCheck' });
    const copied = Object.assign({}, activity);
    expect(privacyMarkOf(copied)).toEqual({ expects: 'trackingCheck' });
    expect(JSON.parse(JSON.stringify(copied))).toEqual({ type: 'message', text: 'PIN 482913' });
  });

  test('a value shown once is replaced everywhere in the stored copy, the original untouched', () => {
    const activity = markPrivacy(
      {
        type: 'message',
        summary: 'รับเรื่องแล้ว PIN 482913',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'FactSet', facts: [{ title: 'PIN', value: '482913' }] }], fallbackText: 'PIN: 482913' } }],
      },
      { secrets: [{ value: '482913', shownAs: '••••••' }] },
    );
    expect(hasSecrets(activity)).toBe(true);
    const stored = forStorage(activity);
    expect(JSON.stringify(stored)).not.toContain('482913');
    expect(stored.summary).toBe('รับเรื่องแล้ว PIN ••••••');
    expect(JSON.stringify(activity)).toContain('482913');
  });

  test('an unmarked activity is stored as it is', () => {
    const activity = { type: 'message', text: 'สวัสดี' };
    expect(hasSecrets(activity)).toBe(false);
    expect(forStorage(activity)).toEqual(activity);
  });
});
