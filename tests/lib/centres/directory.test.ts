import fs from 'node:fs';
import path from 'node:path';
import {
  type Agency,
  type Centre,
  CentreDirectory,
  type Destination,
  describeDestination,
  parseAgencies,
  parseCentres,
} from '../../../lib/centres';

const DATA_DIR = path.join(__dirname, '../../../lib/centres/data');
const directory = CentreDirectory.fromBundledData();

function centre(code: string): Centre {
  const found = directory.centre(code);
  if (!found) throw new Error(`test setup: no centre ${code}`);
  return found;
}

describe('bundled data', () => {
  test('has the 956 centres and 4 agencies described in SOURCES.md', () => {
    const kinds: Record<string, number> = {};
    for (const c of directory.centres()) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
    expect(directory.centres()).toHaveLength(956);
    expect(kinds).toEqual({ central: 1, dopa: 1, province: 76, district: 878 });
    expect(directory.agencies().map((agency) => agency.code)).toEqual(['OPM1111', 'OCPB', 'DOL', 'DOPA-AGENCY']);
  });

  test('travels with SOURCES.md and its two MIT copyright lines', () => {
    const sources = fs.readFileSync(path.join(DATA_DIR, 'SOURCES.md'), 'utf8');
    expect(sources).toContain('Copyright (c) 2023-Present Joe Takara');
    expect(sources).toContain('Copyright (c) 2025 Kongvut Sangkla');
  });

  test('fromBundledData returns one shared, frozen instance', () => {
    expect(CentreDirectory.fromBundledData()).toBe(directory);
    expect(Object.isFrozen(directory.centres())).toBe(true);
    expect(Object.isFrozen(centre('50'))).toBe(true);
  });
});

describe('lookups', () => {
  test.each([
    ['MOI', 'central', 'กระทรวงมหาดไทย', 'Ministry of Interior'],
    ['DOPA', 'dopa', 'กรมการปกครอง', 'Department of Provincial Administration'],
    ['50', 'province', 'เชียงใหม่', 'Chiang Mai'],
    ['5015', 'district', 'หางดง', 'Hang Dong'],
    ['5515', 'district', 'เฉลิมพระเกียรติ', 'Chaloem Phra Kiat'],
    ['3802', 'district', 'พรเจริญ', 'Phon Charoen'],
  ])('centre(%s) is a %s centre for %s / %s', (code, kind, th, en) => {
    const found = centre(code);
    expect(found).toMatchObject({ code, kind, areaNameTh: th, areaNameEn: en });
  });

  test.each([['10'], ['5050'], [''], ['moi'], ['OCPB']])('centre(%j) is undefined', (code) => {
    expect(directory.centre(code)).toBeUndefined();
  });

  test.each([
    ['OPM1111', '1111'],
    ['OCPB', '1166'],
    ['DOL', null],
    ['DOPA-AGENCY', '1548'],
  ])('agency(%s) has hotline %j and is linked', (code, hotline) => {
    expect(directory.agency(code)).toMatchObject({ code, hotline, linked: true });
  });

  test('agency of an unknown code is undefined', () => {
    expect(directory.agency('DOPA')).toBeUndefined();
  });
});

describe('provinces and districts', () => {
  test.each([
    ['th' as const, new Intl.Collator('th'), (c: Centre) => c.areaNameTh],
    ['en' as const, new Intl.Collator('en'), (c: Centre) => c.areaNameEn],
  ])('provinces(%s) lists the 76 provinces sorted by name', (lang, collator, name) => {
    const provinces = directory.provinces(lang);
    expect(provinces).toHaveLength(76);
    expect(provinces.every((c) => c.kind === 'province')).toBe(true);
    for (let i = 1; i < provinces.length; i += 1) {
      expect(collator.compare(name(provinces[i - 1]), name(provinces[i]))).toBeLessThanOrEqual(0);
    }
  });

  test.each([
    ['th' as const, 'กระบี่', 'อุบลราชธานี'],
    ['en' as const, 'Amnat Charoen', 'Yasothon'],
  ])('provinces(%s) runs from %s to %s', (lang, first, last) => {
    const provinces = directory.provinces(lang);
    const name = (c: Centre) => (lang === 'th' ? c.areaNameTh : c.areaNameEn);
    expect(name(provinces[0])).toBe(first);
    expect(name(provinces[provinces.length - 1])).toBe(last);
  });

  test.each([
    ['50', 25],
    ['30', 32],
    ['40', 26],
    ['74', 3],
    ['83', 3],
    ['38', 8],
  ])('districtsOf(%s) has %i districts, all of that province', (code, count) => {
    for (const lang of ['th', 'en'] as const) {
      const districts = directory.districtsOf(code, lang);
      expect(districts).toHaveLength(count);
      expect(districts.every((d) => d.kind === 'district' && d.provinceCode === code)).toBe(true);
    }
  });

  test('districtsOf sorts by the name in the language asked for', () => {
    expect(directory.districtsOf('83', 'th').map((d) => d.areaNameTh)).toEqual(['กะทู้', 'ถลาง', 'เมืองภูเก็ต']);
    expect(directory.districtsOf('83', 'en').map((d) => d.areaNameEn)).toEqual(['Kathu', 'Mueang Phuket', 'Thalang']);
  });

  test.each([['10'], ['5001'], ['MOI'], ['nope']])('districtsOf(%j) is empty', (code) => {
    expect(directory.districtsOf(code, 'th')).toEqual([]);
  });

  test.each([
    ['5015', '50'],
    ['5515', '55'],
    ['1413', '14'],
    ['50', '50'],
    ['MOI', undefined],
    ['DOPA', undefined],
  ])('provinceOf(%s) is %s', (code, expected) => {
    expect(directory.provinceOf(centre(code))?.code).toBe(expected);
  });
});

describe('describeDestination', () => {
  test.each<[Destination, 'th' | 'en', string]>([
    [{ kind: 'centre', code: '50' }, 'th', 'ศูนย์ดำรงธรรมจังหวัดเชียงใหม่'],
    [{ kind: 'centre', code: '50' }, 'en', 'Chiang Mai Provincial Damrongdham Center'],
    [{ kind: 'centre', code: '5515' }, 'th', 'ศูนย์ดำรงธรรมอำเภอเฉลิมพระเกียรติ จังหวัดน่าน'],
    [{ kind: 'centre', code: '1404' }, 'en', 'Bang Sai District (1404) Damrongdham Center'],
    [{ kind: 'centre', code: 'MOI' }, 'th', 'ศูนย์ดำรงธรรมกระทรวงมหาดไทย'],
    [{ kind: 'agency', code: 'OCPB' }, 'th', 'สำนักงานคณะกรรมการคุ้มครองผู้บริโภค'],
    [{ kind: 'agency', code: 'DOL' }, 'en', 'Department of Lands'],
    [{ kind: 'agency', code: 'DOPA-AGENCY' }, 'th', 'กรมการปกครอง'],
  ])('%j in %s is %s', (destination, lang, expected) => {
    expect(describeDestination(destination, lang)).toBe(expected);
    expect(directory.describeDestination(destination, lang)).toBe(expected);
  });

  test.each<[Destination]>([[{ kind: 'centre', code: 'OCPB' }], [{ kind: 'agency', code: '50' }], [{ kind: 'centre', code: '10' }]])(
    '%j throws',
    (destination) => {
      expect(() => describeDestination(destination, 'en')).toThrow(/Unknown (centre|agency) code/);
    },
  );

  test('uses the directory it is given', () => {
    const custom = new CentreDirectory([province('99', 'ทดสอบ', 'Test')], []);
    expect(describeDestination({ kind: 'centre', code: '99' }, 'en', custom)).toBe('Test Provincial Damrongdham Center');
    expect(() => describeDestination({ kind: 'centre', code: '50' }, 'en', custom)).toThrow();
  });
});

function province(code: string, th: string, en: string): Centre {
  return {
    code,
    kind: 'province',
    nameTh: `ศูนย์ดำรงธรรมจังหวัด${th}`,
    nameEn: `${en} Provincial Damrongdham Center`,
    areaNameTh: th,
    areaNameEn: en,
  };
}

function district(code: string, provinceCode: string | undefined, th: string, en: string): Centre {
  return {
    code,
    kind: 'district',
    nameTh: `ศูนย์ดำรงธรรมอำเภอ${th}`,
    nameEn: `${en} District Damrongdham Center`,
    ...(provinceCode === undefined ? {} : { provinceCode }),
    areaNameTh: th,
    areaNameEn: en,
  };
}

const AGENCY: Agency = { code: 'X', nameTh: 'ก', nameEn: 'X', abbrTh: 'ก.', abbrEn: 'X', hotline: null, linked: true };

describe('construction checks', () => {
  test('accepts consistent data of its own', () => {
    const custom = new CentreDirectory([province('99', 'ทดสอบ', 'Test'), district('9901', '99', 'หนึ่ง', 'One')], [AGENCY]);
    expect(custom.districtsOf('99', 'en').map((d) => d.code)).toEqual(['9901']);
    expect(custom.agency('X')).toEqual(AGENCY);
  });

  test.each<[string, Centre[], Agency[], RegExp]>([
    ['duplicate centre code', [province('99', 'ก', 'A'), province('99', 'ข', 'B')], [], /Duplicate centre code "99"/],
    ['district without province', [province('99', 'ก', 'A'), district('9901', undefined, 'ข', 'B')], [], /"9901" has no provinceCode/],
    ['district of a missing province', [district('9901', '98', 'ข', 'B')], [], /"9901" names province "98"/],
    [
      'district under a district',
      [province('99', 'ก', 'A'), district('9901', '99', 'ข', 'B'), district('9902', '9901', 'ค', 'C')],
      [],
      /"9902" names province "9901", which is not a province centre/,
    ],
    ['province with a provinceCode', [{ ...province('99', 'ก', 'A'), provinceCode: '99' }], [], /must not have a provinceCode/],
    ['duplicate agency code', [], [AGENCY, { ...AGENCY }], /Duplicate agency code "X"/],
  ])('rejects %s', (_what, centres, agencies, message) => {
    expect(() => new CentreDirectory(centres, agencies)).toThrow(message);
  });
});

describe('parseCentres and parseAgencies', () => {
  const good = { code: '99', kind: 'province', nameTh: 'ก', nameEn: 'A', areaNameTh: 'ก', areaNameEn: 'A' };

  test('keep only the known fields', () => {
    expect(parseCentres([{ ...good, extra: 1 }])).toEqual([good]);
    expect(parseAgencies([{ ...AGENCY, extra: 1 }])).toEqual([AGENCY]);
  });

  test.each<[string, unknown, RegExp]>([
    ['not an array', { code: '99' }, /Centres must be a JSON array/],
    ['a row that is not an object', [null], /Centre #0 must be an object/],
    ['a missing code', [{ ...good, code: undefined }], /Centre #0: "code" must be a non-empty string/],
    ['an unknown kind', [{ ...good, kind: 'amphoe' }], /Centre #0 \("99"\): "kind" must be one of/],
    ['a blank name', [good, { ...good, code: '98', nameEn: ' ' }], /Centre #1 \("98"\): "nameEn"/],
    ['a numeric provinceCode', [{ ...good, kind: 'district', provinceCode: 50 }], /"provinceCode" must be a non-empty string/],
  ])('parseCentres rejects %s', (_what, raw, message) => {
    expect(() => parseCentres(raw)).toThrow(message);
  });

  test.each<[string, unknown, RegExp]>([
    ['not an array', 'x', /Agencies must be a JSON array/],
    ['an empty hotline', [{ ...AGENCY, hotline: '' }], /"hotline" must be a non-empty string or null/],
    ['a numeric hotline', [{ ...AGENCY, hotline: 1111 }], /"hotline"/],
    ['a missing linked flag', [{ ...AGENCY, linked: undefined }], /"linked" must be true or false/],
    ['a missing abbreviation', [{ ...AGENCY, abbrTh: undefined }], /"abbrTh"/],
  ])('parseAgencies rejects %s', (_what, raw, message) => {
    expect(() => parseAgencies(raw)).toThrow(message);
  });
});
