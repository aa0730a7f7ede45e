import { CentreDirectory, CentreSearch, LOCATION_THRESHOLDS } from '../../../lib/centres';

const search = new CentreSearch(CentreDirectory.fromBundledData());

function chosen(text: string): string | undefined {
  return search.chooseForLocation(text)?.code;
}

describe('chooseForLocation: addresses and descriptions', () => {
  test.each([
    ['หมู่ 3 ต.สันทราย อ.สันทราย จ.เชียงใหม่', '5014'],
    ['near Hang Dong market, Chiang Mai', '5015'],
    ['12/3 หมู่ 4 ต.บ้านแหวน อ.หางดง จ.เชียงใหม่ 50230', '5015'],
    ['ตำบลหางดงอำเภอฮอดจังหวัดเชียงใหม่', '5016'],
    ['ใกล้ตลาดหางดงเชียงใหม่', '5015'],
    ['ถนนพังที่อำเภอฮอดครับ', '5016'],
    ['ร้านขายหมูหางดง', '5015'],
    ['หางดง', '5015'],
    ['Hang Dong district', '5015'],
    ['Hang Dong Chiang Mai', '5015'],
    ['Nong Khwai subdistrict, Hang Dong district, Chiang Mai province', '5015'],
    ['Amphoe San Sai, Changwat Chiang Mai', '5014'],
    ['Tambon San Sai, Amphoe Mueang, Chiang Rai', '5701'],
    ['Mueang Chiang Mai', '5001'],
    ['เมืองเชียงใหม่', '5001'],
    ['Muaang Chiang Mai', '5001'],
    ['Mueang Chiang Mia', '5001'],
    ['ถนนเชียงใหม่-ลำปาง ต.ฟ้าฮ่าม อ.เมือง จ.เชียงใหม่', '5001'],
    ['อ.เมือง จ.นครราชสีมา', '3001'],
    ['อ.เมืองยาง จ.นครราชสีมา', '3027'],
    ['Mueang district, Nan', '5501'],
    ['Nong Muang district, Lopburi', '1611'],
    ['อ.สนามชัยเขต', '2408'],
    ['Soi 5, near Soi Dao market', '2207'],
    ['ซอยวัดป่า อ.โกสัมพีนคร จ.กำแพงเพชร', '6211'],
    ['เกาะสมุย สุราษฎร์ธานี', '8404'],
    ['near Pattaya beach', '2004'],
    // "X road" names a road: Pattaya Beach Road may be anywhere as far as the text says.
    ['Pattaya Beach Road', undefined],
    ['ตากใบ', '9602'],
    ['เมืองตาก', '6301'],
    ['เชียงใหม่', '50'],
    ['ที่ยะลา', '95'],
    ['จ.เชียงใหม่', '50'],
    ['หมู่บ้านสันติสุข จ.เชียงใหม่', '50'],
    ['Korat', '30'],
  ])('%j → %s', (text, expected) => {
    expect(chosen(text)).toBe(expected);
  });
});

describe('chooseForLocation: tambon, village and road names do not count', () => {
  test.each([
    // Tambon หางดง is in อำเภอฮอด; the label says which is the district.
    ['ต.หางดง อ.ฮอด จ.เชียงใหม่', '5016'],
    ['Tambon Hang Dong, Amphoe Hot, Chiang Mai', '5016'],
    // สันติสุข is a district of Nan; here it is a village in Chiang Mai.
    ['หมู่บ้านสันติสุข เชียงใหม่', '50'],
    ['ถนนหางดง จ.ลำปาง', '52'],
  ])('%j → %s', (text, expected) => {
    expect(chosen(text)).toBe(expected);
  });
});

describe('chooseForLocation: the province the text names wins', () => {
  test.each([
    ['อ.หางดง จ.ลำปาง', '52'],
    ['อ.ศรีเชียงใหม่ จ.หนองคาย', '4307'],
    ['Si Chiang Mai', '4307'],
    ['เฉลิมพระเกียรติ จ.น่าน', '5515'],
    ['Chaloem Phra Kiat, Buri Ram', '3123'],
    ['บางไทร อยุธยา', '1404'],
    ['Tha Chang, Surat Thani', '8411'],
    ['อ.วังสะพุง เลย', '4209'],
  ])('%j → %s', (text, expected) => {
    expect(chosen(text)).toBe(expected);
  });
});

describe('chooseForLocation: ambiguity', () => {
  test.each([
    // Five provinces have a เฉลิมพระเกียรติ district; nothing says which.
    ['เฉลิมพระเกียรติ', undefined],
    ['Chaloem Phra Kiat district', undefined],
    // ท่าช้าง (Sing Buri) and ท่าฉาง (Surat Thani) are both "Tha Chang".
    ['Tha Chang', undefined],
    // บางไทร and บางซ้าย are both "Bang Sai", both in Ayutthaya: the province is still sure.
    ['Bang Sai', '14'],
    ['Bang Sai, Ayutthaya', '14'],
    // Two provinces named equally.
    ['from Chiang Rai to Chiang Mai', undefined],
    // The district of the same name as its province: free text means the province.
    ['พระนครศรีอยุธยา', '14'],
    ['อ.พระนครศรีอยุธยา', '1401'],
  ])('%j → %s', (text, expected) => {
    expect(chosen(text)).toBe(expected);
  });
});

describe('chooseForLocation: short and everyday-word names need a label or their province', () => {
  test.each([
    ['ไม่รู้เลย', undefined],
    ['จ.เลย', '42'],
    ['บ้านอยู่ที่ตาก', undefined],
    ['จังหวัดตาก', '63'],
    ['โรคแพร่ระบาดในหมู่บ้าน', undefined],
    ['ในชนบท ห่างไกล', undefined],
    ['อ.ชนบท', '4018'],
    ['ชนบท ขอนแก่น', '4018'],
    ['it was hot and the road was long', undefined],
    ['Hot district, Chiang Mai', '5016'],
    ['ปาย', undefined],
    ['อ.ปาย', '5803'],
    ['ปาย แม่ฮ่องสอน', '5803'],
    ['อ.เมือง เลย', '4201'],
    ['อำเภอเมือง', undefined],
  ])('%j → %s', (text, expected) => {
    expect(chosen(text)).toBe(expected);
  });
});

describe('chooseForLocation: confidence thresholds', () => {
  test('are the documented values', () => {
    expect(LOCATION_THRESHOLDS).toEqual({ free: 0.8, context: 0.75, margin: 0.05 });
  });

  // Fuzzy scores are 1 − edits / length of the longer name. Each pair is one side of a threshold.
  test.each<[string, string | undefined, string]>([
    // free (0.8): a name alone in free text
    ['Chiang Mia', '50', 'chiangmia: 1 transposition in 9 → 0.889'],
    ['Chaing Mia', undefined, 'chaingmia: 2 edits in 9 → 0.778'],
    ['Hang Dng', '5015', 'hangdng: 1 edit in 8 → 0.875'],
    ['Hng Dng', undefined, 'hngdng: 2 edits in 8 → 0.75'],
    ['Doi Sket', '5005', 'doisket for doisaket: 1 edit in 8 → 0.875'],
    ['Di Sket', undefined, 'disket for doisaket: 2 edits in 8 → 0.75'],
    // context (0.75): a district of the province the text names, or a name after a label
    ['Hng Dng, Chiang Mai', '5015', '0.75 in the named province'],
    ['Me Tang, Chiang Mai', '5006', 'metang for maetaeng: 2 edits in 8 → 0.75 in the named province'],
    ['Smong, Chiang Mai', '50', 'smong for samoeng: 2 edits in 7 → 0.714, so the province only'],
    ['Mae Rm, Chiang Mai', '5007', 'maerm for maerim: 1 edit in 6 → 0.833'],
    ['M Rm, Chiang Mai', '50', 'mrm: too short for a fuzzy match'],
    ['จ.เชียงใม่', '50', 'เชียงไม for เชียงไหม: 1 edit in 8 after a label'],
    ['Bang Rakam', '6504', 'exact'],
    ['Bang Rak, Bangkok', undefined, 'bangrak for bangrakam: 2 edits in 9 → 0.778; Bangkok has no centre'],
    // margin (0.05): two readings within the margin are ambiguous
    ['Chiang Bai', undefined, 'Chiang Mai and Chiang Rai both 0.889'],
    ['Samong', undefined, 'Samoeng (Chiang Mai) and Samrong (Ubon) both 0.857'],
    ['Samong, Chiang Mai', '5008', 'the province settles it'],
    ['Mae Tang', '50', 'Mae Taeng 0.875 and Mae Wang 0.857, both in Chiang Mai'],
    ['Chiang Rai, Chiang Mia', '57', 'Chiang Rai 1 against Chiang Mai 0.889'],
  ])('%j → %s (%s)', (text, expected) => {
    expect(chosen(text)).toBe(expected);
  });
});

describe('chooseForLocation: places without a centre and noise', () => {
  test.each([
    ['เขตบางรัก กรุงเทพฯ'],
    ['แขวงสีลม เขตบางรัก กรุงเทพมหานคร 10500'],
    ['Bangkok'],
    ['หมู่ 3'],
    ['ที่บ้าน'],
    ['near the market'],
    [''],
    ['   '],
    ['😀😀'],
    ['x'.repeat(3_000)],
    ['หมู่ 3 '.repeat(2_000)],
  ])('%j → undefined', (text) => {
    expect(chosen(text)).toBeUndefined();
  });

  // How long it takes is measured by `npm run bench -- worst`, not here.
  test('a long text is cut and never throws', () => {
    const text = `${'ถนนพังมาก '.repeat(500)} อ.หางดง จ.เชียงใหม่`;
    expect(() => search.chooseForLocation(text)).not.toThrow();
  });
});
