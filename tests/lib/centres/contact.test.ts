import { CentreDirectory, centreContact } from '../../../lib/centres';
import { seedTexts } from '../../helpers/seedTexts';

const directory = CentreDirectory.fromBundledData();

describe('how to reach a centre', () => {
  test.each([
    ['50', 'ศาลากลางจังหวัดเชียงใหม่', 'Chiang Mai Provincial Hall'],
    ['5015', 'ที่ว่าการอำเภอหางดง จังหวัดเชียงใหม่', 'Hang Dong District Office, Chiang Mai'],
    ['MOI', 'กระทรวงมหาดไทย ถนนอัษฎางค์ เขตพระนคร กรุงเทพมหานคร', 'Ministry of Interior, Atsadang Road, Phra Nakhon, Bangkok'],
  ])('%s: %s / %s', (code, th, en) => {
    const contact = centreContact(directory, code, seedTexts)!;
    expect(contact.address).toEqual({ th, en });
    expect(contact.phone.th).toContain('1567');
    const map = new URL(contact.mapUrl);
    expect(map.origin + map.pathname).toBe('https://www.google.com/maps/search/');
    expect(map.searchParams.get('api')).toBe('1');
    expect(map.searchParams.get('query')).toBe(th);
  });

  test('every centre of the directory has an address in both languages and a map', () => {
    for (const centre of directory.centres()) {
      const contact = centreContact(directory, centre.code, seedTexts)!;
      expect(contact.name).toEqual({ th: centre.nameTh, en: centre.nameEn });
      for (const lang of ['th', 'en'] as const) {
        expect(contact.address[lang]).not.toMatch(/[{}]/);
        expect(contact.address[lang].length).toBeGreaterThan(5);
      }
      expect(URL.canParse(contact.mapUrl)).toBe(true);
    }
  });

  test('an unknown code has no contact', () => {
    expect(centreContact(directory, '9999', seedTexts)).toBeUndefined();
  });
});
