import { type Centre, CentreDirectory, CentreSearch } from '../../../lib/centres';

const directory = CentreDirectory.fromBundledData();
const search = new CentreSearch(directory);

function codes(query: string, limit = 10): string[] {
  return search.search(query, { limit }).map((hit) => hit.centre.code);
}

describe('search: the first result', () => {
  test.each([
    // Provinces, with and without prefixes
    ['เชียงใหม่', '50'],
    ['จ.เชียงใหม่', '50'],
    ['จังหวัดเชียงใหม่', '50'],
    ['ศูนย์ดำรงธรรมจังหวัดเชียงใหม่', '50'],
    ['ศูนย์ดำรงธรรม จ. เชียงใหม่', '50'],
    ['chiangmai', '50'],
    ['Chiang Mai', '50'],
    ['chiang mai province', '50'],
    ['CHIANG MAI', '50'],
    ['Chiang Mai Provincial Damrongdham Center', '50'],
    ['chaingmai', '50'],
    ['Chiang Mia', '50'],
    ['เชียงไหม่', '50'],
    ['เชียงใหม', '50'],
    ['เชียงใหม่ครับ', '50'],
    ['  เชียง   ใหม่!!! ', '50'],
    ['จ.เชียงใหม่ ๕๐๒๑๐', '50'],
    ['Chiang Rai', '57'],
    ['Nakon Ratchasima', '30'],
    ['โคราช', '30'],
    ['Korat', '30'],
    ['Ubon Rachathani', '34'],
    ['Nontaburi', '12'],
    ['Puket', '83'],
    ['ภูเก็ต', '83'],
    ['Sukothai', '64'],
    ['Lop Buri', '16'],
    ['Lopburi', '16'],
    ['ลพบุรี', '16'],
    ['Ayutthaya', '14'],
    ['อยุธยา', '14'],
    ['Sri Sa Ket', '33'],
    ['Chumphon', '86'],
    ['Ang Thong', '15'],
    // The capital district
    ['อ.เมือง เชียงใหม่', '5001'],
    ['อำเภอเมืองเชียงใหม่', '5001'],
    ['เมืองเชียงใหม่', '5001'],
    ['Mueang Chiang Mai', '5001'],
    ['mueang chiangmai', '5001'],
    ['Muang Chiangmai', '5001'],
    ['amphoe mueang chiang mai', '5001'],
    ['เมืองโคราช', '3001'],
    ['อ.เมือง จ.น่าน', '5501'],
    // Districts, alone or with their province
    ['หางดง', '5015'],
    ['Hang Dong', '5015'],
    ['hangdong', '5015'],
    ['Hang Dong district', '5015'],
    ['อ.หางดง', '5015'],
    ['อำเภอหางดง', '5015'],
    ['หางดง เชียงใหม่', '5015'],
    ['หางดงเชียงใหม่', '5015'],
    ['หางดง จ.เชียงใหม่', '5015'],
    ['เชียงใหม่ หางดง', '5015'],
    ['Hang Dong, Chiang Mai', '5015'],
    ['hang dong chiang mai', '5015'],
    ['หางดง เชียงไม', '5015'],
    ['เฉลิมพระเกียรติ น่าน', '5515'],
    ['เฉลิมพระเกียรติ จ.น่าน', '5515'],
    ['Chaloem Phra Kiat Nan', '5515'],
    ['Chaloem Phra Kiat, Nakhon Si Thammarat', '8023'],
    ['ศูนย์ดำรงธรรมอำเภอเฉลิมพระเกียรติ จังหวัดน่าน', '5515'],
    ['Chaloem Phra Kiat District (Nan) Damrongdham Center', '5515'],
    ['บางไทร', '1404'],
    ['บางซ้าย', '1413'],
    ['บางไทร อยุธยา', '1404'],
    ['Si Chiang Mai', '4307'],
    ['ศรีเชียงใหม่', '4307'],
    ['Wang Thong', '6508'],
    ['Hat Yai', '9011'],
    ['หาดใหญ่', '9011'],
    ['Mae Sai', '5709'],
    ['Pak Kret', '1206'],
    ['Sri Racha', '2007'],
    ['Koh Samui', '8404'],
    ['Samui', '8404'],
    ['Pattaya', '2004'],
    ['Galyani Vadhana', '5025'],
    ['Kanlayaniwatthana', '5025'],
    ['กัลยาณิวัฒนา', '5025'],
    ['Hot', '5016'],
    // The central centres
    ['มหาดไทย', 'MOI'],
    ['กระทรวงมหาดไทย', 'MOI'],
    ['Ministry of Interior', 'MOI'],
    ['ministry of the interior', 'MOI'],
    ['กรมการปกครอง', 'DOPA'],
    ['DOPA', 'DOPA'],
    ['Department of Provincial Administration', 'DOPA'],
    // Codes
    ['5015', '5015'],
    ['๕๐๐๑', '5001'],
    ['moi', 'MOI'],
  ])('%j → %s', (query, expected) => {
    expect(codes(query)[0]).toBe(expected);
  });
});

describe('search: several right answers near the top', () => {
  test.each([
    ['เฉลิมพระเกียรติ', ['1913', '3032', '3123', '5515', '8023'], 5],
    ['Chaloem Phra Kiat', ['1913', '3032', '3123', '5515', '8023'], 5],
    ['เฉลิมพระเกียรติ น่าน', ['5515', '1913', '3032', '3123', '8023'], 5],
    ['Bang Sai', ['1404', '1413'], 2],
    ['Tha Chang', ['1705', '8411'], 2],
    ['Sangkhom', ['4120', '4308'], 2],
    ['chiang', ['50', '57'], 3],
    ['เชียง', ['50', '57'], 10],
    ['Bang Sai Ayutthaya', ['1404', '1413'], 2],
  ])('%j has %j in the first %i', (query, expected, n) => {
    expect(codes(query, n)).toEqual(expect.arrayContaining(expected));
  });
});

describe('search: ordering and scores', () => {
  test('equal scores put provinces before districts, then order by code', () => {
    const hits = search.search('พระนครศรีอยุธยา', { limit: 2 });
    expect(hits.map((hit) => [hit.centre.code, hit.score])).toEqual([
      ['14', 1],
      ['1401', 1],
    ]);
    expect(codes('Bang Sai', 2)).toEqual(['1404', '1413']);
    expect(codes('เฉลิมพระเกียรติ', 5)).toEqual(['1913', '3032', '3123', '5515', '8023']);
  });

  test.each([
    ['chiangmai', '50', 1],
    ['chaingmai', '50', 0.8889],
    ['หางดง เชียงไม', '5015', 0.875],
    ['Mueang Chiang Mai', '5701', 0.9333],
  ])('%j scores %s at %d', (query, code, score) => {
    expect(search.search(query, { limit: 20 }).find((hit) => hit.centre.code === code)?.score).toBeCloseTo(score, 4);
  });

  test.each([['เชียงใหม่'], ['Bang'], ['mueang'], ['เฉลิม'], ['Nakhon'], ['หาง ดง']])(
    '%j gives scores from 0 to 1, best first',
    (query) => {
      const scores = search.search(query, { limit: 50 }).map((hit) => hit.score);
      expect(scores.length).toBeGreaterThan(1);
      expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    },
  );

  test('a closer name beats a prefix: "Mueang Chiang Rai" is second for "Mueang Chiang Mai"', () => {
    expect(codes('Mueang Chiang Mai', 2)).toEqual(['5001', '5701']);
  });
});

describe('search: options', () => {
  test.each([
    [1, 1],
    [3, 3],
    [0, 0],
    [-5, 0],
  ])('limit %i gives %i results', (limit, count) => {
    expect(search.search('chiang', { limit })).toHaveLength(count);
  });

  test('the default limit is 10', () => {
    expect(search.search('mueang')).toHaveLength(10);
  });

  test.each<[string, Centre['kind'][], string]>([
    ['Mueang Chiang Mai', ['province'], '50'],
    ['หางดง', ['province'], '15'],
    ['มหาดไทย', ['central', 'dopa'], 'MOI'],
    ['ปกครอง', ['central', 'dopa'], 'DOPA'],
    ['Chiang Mai', ['district'], '4307'],
  ])('%j limited to %j gives %s first', (query, kinds, expected) => {
    const hits = search.search(query, { kinds });
    expect(hits[0]?.centre.code).toBe(expected);
    expect(hits.every((hit) => kinds.includes(hit.centre.kind))).toBe(true);
  });
});

describe('search: noise', () => {
  test.each([[''], ['   '], ['😀😀😀'], ['!!!???'], ['12345'], ['1567'], ['ศูนย์ดำรงธรรม'], ['จังหวัด'], ['x'], ['asdfgh qwerty']])(
    '%j gives no results',
    (query) => {
      expect(search.search(query)).toEqual([]);
    },
  );

  test.each([
    ['x'.repeat(10_000)],
    ['เชียงใหม่'.repeat(2_000)],
    ['Hang Dong '.repeat(1_000)],
    ['😀'.repeat(5_000)],
    [Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(0x0e01 + (i % 90))).join('')],
  ])('a 10,000-character query returns at most ten hits and never throws (%#)', (query) => {
    // How long it takes is measured by `npm run bench -- worst`, not here.
    const hits = search.search(query);
    expect(hits.length).toBeLessThanOrEqual(10);
  });
});

describe('search: every name in the directory', () => {
  // Also proves that prefix and particle stripping never damages a real name.
  test.each([
    ['areaNameTh', (c: Centre) => c.areaNameTh],
    ['areaNameEn', (c: Centre) => c.areaNameEn],
    ['nameTh', (c: Centre) => c.nameTh],
    ['nameEn', (c: Centre) => c.nameEn],
  ])('%s finds its centre with the top score', (_field, name) => {
    const misses: string[] = [];
    for (const centre of directory.centres()) {
      const hits = search.search(name(centre), { limit: 10 });
      const own = hits.find((hit) => hit.centre.code === centre.code);
      if (!own || own.score !== 1 || hits[0].score !== 1) misses.push(`${centre.code} ${name(centre)}`);
    }
    expect(misses).toEqual([]);
  });
});

describe('suggestProvinces', () => {
  test.each([
    ['เชียงใหม่', ['50']],
    ['หางดง', ['50']],
    ['Hang Dong', ['50']],
    ['hat yai', ['90']],
    ['Pattaya', ['20']],
    ['Bang Sai', ['14']],
  ])('%j suggests %j first', (query, expected) => {
    expect(search.suggestProvinces(query, 5).slice(0, expected.length).map((hit) => hit.centre.code)).toEqual(expected);
  });

  test('a name shared by districts of five provinces suggests all five', () => {
    expect(search.suggestProvinces('เฉลิมพระเกียรติ', 5).map((hit) => hit.centre.code).sort()).toEqual(['19', '30', '31', '55', '80']);
  });

  test('provinces matched by name come before provinces of matching districts', () => {
    const suggested = search.suggestProvinces('chiang', 10).map((hit) => hit.centre.code);
    expect(suggested.slice(0, 2)).toEqual(['50', '57']);
  });

  test.each([[''], ['😀'], ['asdfgh']])('%j suggests nothing', (query) => {
    expect(search.suggestProvinces(query, 5)).toEqual([]);
  });

  test('returns only provinces and respects the limit', () => {
    const suggested = search.suggestProvinces('mueang', 3);
    expect(suggested).toHaveLength(3);
    expect(suggested.every((hit) => hit.centre.kind === 'province')).toBe(true);
    expect(search.suggestProvinces('mueang', 0)).toEqual([]);
  });
});

describe('a search over a directory of its own', () => {
  const custom = new CentreDirectory(
    [
      { code: '99', kind: 'province', nameTh: 'ศูนย์ดำรงธรรมจังหวัดทดสอบ', nameEn: 'Thotsop Provincial Damrongdham Center', areaNameTh: 'ทดสอบ', areaNameEn: 'Thotsop' },
      { code: '9901', kind: 'district', provinceCode: '99', nameTh: 'ศูนย์ดำรงธรรมอำเภอเมืองทดสอบ', nameEn: 'Mueang Thotsop District Damrongdham Center', areaNameTh: 'เมืองทดสอบ', areaNameEn: 'Mueang Thotsop' },
      { code: '9902', kind: 'district', provinceCode: '99', nameTh: 'ศูนย์ดำรงธรรมอำเภอหางดง', nameEn: 'Hang Dong District Damrongdham Center', areaNameTh: 'หางดง', areaNameEn: 'Hang Dong' },
    ],
    [],
  );
  const own = new CentreSearch(custom);

  test.each([
    ['Thotsop', '99'],
    ['อ.เมือง ทดสอบ', '9901'],
    ['หางดง', '9902'],
    ['เชียงใหม่', undefined],
  ])('%j → %s', (query, expected) => {
    expect(own.search(query)[0]?.centre.code).toBe(expected);
  });
});

describe('search and chooseForLocation on random input', () => {
  // A seeded generator: the same 2,000 strings on every run.
  const ALPHABET = [...'กขงจฉชซญณดตถทนบปผพฟมยรลวศสหอฮะาำิีึืุูเแโใไ่้๊๋็์ๆฯ๐๕๙abcxyzAMQ0159 .,-/()!?\n\t', '😀', '\u0301', '\ud800', '\u200b'];
  let state = 42;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const inputs = Array.from({ length: 2_000 }, () =>
    Array.from({ length: Math.floor(random() * 40) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''),
  );

  test('never throw and keep to the contract', () => {
    for (const input of inputs) {
      const hits = search.search(input, { limit: 5 });
      expect(hits.length).toBeLessThanOrEqual(5);
      for (const hit of hits) expect(hit.score >= 0 && hit.score <= 1).toBe(true);
      const centre = search.chooseForLocation(input);
      if (centre) expect(['province', 'district']).toContain(centre.kind);
    }
  });
});
