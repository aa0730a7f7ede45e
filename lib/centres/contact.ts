import type { Texts } from '../content/texts';
import type { Lang } from '../i18n/language';
import type { CentreDirectory } from './directory';

/**
 * How to reach a centre: where it is, the number to call and a map. Every provincial centre sits in its
 * provincial hall (ศาลากลางจังหวัด) and every district centre in its district office (ที่ว่าการอำเภอ); the
 * directory holds no street addresses or direct lines, so the address names that building (the words come from
 * content, `centre.address.*`) and the number is the Damrongdham hotline, which answers for every centre.
 */
export interface CentreContact {
  code: string;
  name: Readonly<Record<Lang, string>>;
  address: Readonly<Record<Lang, string>>;
  phone: Readonly<Record<Lang, string>>;
  /** A map search for the building, which opens the map app on a phone. */
  mapUrl: string;
}

/** Maps URLs (the documented, key-free form): a search that works in a browser and opens the app on phones. */
const MAP_SEARCH = 'https://www.google.com/maps/search/?api=1&query=';

export function centreContact(directory: CentreDirectory, code: string, texts: Texts): CentreContact | undefined {
  const centre = directory.centre(code);
  if (!centre) return undefined;
  const province = centre.provinceCode ? directory.centre(centre.provinceCode) : undefined;
  const address = (lang: Lang): string => {
    const area = (of: { areaNameTh: string; areaNameEn: string }) => (lang === 'th' ? of.areaNameTh : of.areaNameEn);
    switch (centre.kind) {
      case 'province':
        return texts.get(lang, 'centre.address.province', { province: area(centre) });
      case 'district':
        return texts.get(lang, 'centre.address.district', { district: area(centre), province: province ? area(province) : '' });
      case 'central':
        return texts.get(lang, 'centre.address.central');
      case 'dopa':
        return texts.get(lang, 'centre.address.dopa');
    }
  };
  const both = (get: (lang: Lang) => string) => ({ th: get('th'), en: get('en') });
  const where = both(address);
  return {
    code,
    name: { th: centre.nameTh, en: centre.nameEn },
    address: where,
    phone: both((lang) => texts.get(lang, 'centre.phone')),
    // Thai names are what maps know these buildings by.
    mapUrl: `${MAP_SEARCH}${encodeURIComponent(where.th)}`,
  };
}
