import type { Centre, CentreDirectory, CentreKind } from './directory';
import { cleanTokens, gramsOf, THAI_CHAR } from './normalForm';
import type { Key, Reading } from './similarity';

/*
 * The centres' keys, built once from the directory: each centre's Thai and English area names plus a handful of
 * aliases, in the normal form (normalForm.ts), and an inverted index of their character n-grams, so that a query
 * is compared only with the keys that share an n-gram with it.
 */

// Names people use that are not the official ones; keyed by DOPA province code.
const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '14': ['อยุธยา', 'Ayutthaya', 'Ayuthaya', 'Ayudhya'],
  '30': ['โคราช', 'Korat', 'Khorat'],
  '34': ['อุบล', 'Ubon'],
  '41': ['อุดร', 'Udon'],
  '80': ['นครศรี', 'Nakhon Si'],
  '84': ['สุราษฎร์', 'Surat'],
};
// Other romanisations of district names; keyed by DOPA district code.
const DISTRICT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '5025': ['Kanlayaniwatthana'],
  // Pattaya City is a special local government inside Bang Lamung district, not a district of its own.
  '2004': ['พัทยา', 'Pattaya'],
};
const KIND_ALIASES: Readonly<Partial<Record<CentreKind, readonly string[]>>> = {
  central: ['มหาดไทย', 'กระทรวงมหาดไทย', 'มท', 'MOI', 'Interior', 'Ministry of the Interior'],
  dopa: ['กรมการปกครอง', 'การปกครอง', 'ปค', 'DOPA', 'Provincial Administration'],
};
// Names that are also everyday words ("ชนบท" is "countryside"); like very short names, they count in free
// text only when a label or the province confirms them.
const COMMON_WORD_NAMES = new Set(['ชนบท', 'พนม', 'บานนา', 'นาดี', 'banna']);

/** The keys of a directory's centres and their n-gram index; centres are numbered by their place in centreList. */
export class CentreIndex {
  readonly centreList: readonly Centre[];
  readonly keys: Key[] = [];
  readonly gramIds = new Map<string, number>();
  // For each n-gram id, the keys that have it.
  readonly postings: Int32Array[] = [];
  // The same, for province keys only.
  readonly provincePostings: Int32Array[] = [];
  readonly keysByFirstTwo = new Map<string, number[]>();
  readonly keysByCentre: number[][];
  readonly districtsByProvince = new Map<number, number[]>();
  // Province code to the province's index in centreList.
  readonly provinceIndex = new Map<string, number>();
  // The capital (เมือง) district of each province: DOPA numbers it xx01.
  readonly capitalOf = new Map<number, number>();
  readonly codeIndex = new Map<string, number>();
  readonly longestKey: number;
  // Counts reused by `collect`, which runs for every query and must not allocate.
  private readonly sharedCounts: Uint16Array;
  private readonly touched: Int32Array;

  constructor(directory: CentreDirectory) {
    this.centreList = directory.centres();
    this.keysByCentre = this.centreList.map(() => []);
    this.centreList.forEach((centre, index) => {
      this.codeIndex.set(centre.code.toLowerCase(), index);
      if (centre.kind === 'province') this.provinceIndex.set(centre.code, index);
    });
    this.centreList.forEach((centre, index) => {
      if (centre.kind !== 'district' || centre.provinceCode === undefined) return;
      const province = this.provinceIndex.get(centre.provinceCode);
      if (province === undefined) return;
      const siblings = this.districtsByProvince.get(province) ?? [];
      siblings.push(index);
      this.districtsByProvince.set(province, siblings);
      if (centre.code === `${centre.provinceCode}01`) this.capitalOf.set(province, index);
    });

    const postingLists: number[][] = [];
    const provinceLists: number[][] = [];
    // Provinces first, so that a district can tell whether a key of its equals its province's.
    const order = this.centreList.map((_, index) => index).sort((a, b) => Number(this.centreList[b].kind === 'province') - Number(this.centreList[a].kind === 'province'));
    for (const index of order) {
      for (const text of this.keyTextsOf(index)) {
        const keyId = this.keys.length;
        const gramIds = gramsOf(text).map((gram) => {
          let id = this.gramIds.get(gram);
          if (id === undefined) {
            id = postingLists.length;
            this.gramIds.set(gram, id);
            postingLists.push([]);
            provinceLists.push([]);
          }
          return id;
        });
        const key = this.makeKey(index, text, Int32Array.from(gramIds).sort());
        this.keys.push(key);
        this.keysByCentre[index].push(keyId);
        for (const id of key.grams) {
          postingLists[id].push(keyId);
          if (this.centreList[index].kind === 'province') provinceLists[id].push(keyId);
        }
        const firstTwo = this.keysByFirstTwo.get(text.slice(0, 2)) ?? [];
        firstTwo.push(keyId);
        this.keysByFirstTwo.set(text.slice(0, 2), firstTwo);
      }
    }
    for (const list of postingLists) this.postings.push(Int32Array.from(list));
    for (const list of provinceLists) this.provincePostings.push(Int32Array.from(list));
    this.sharedCounts = new Uint16Array(this.keys.length);
    this.touched = new Int32Array(this.keys.length);
    this.longestKey = this.keys.reduce((longest, key) => Math.max(longest, key.text.length), 0);
  }

  private keyTextsOf(index: number): string[] {
    const centre = this.centreList[index];
    const names = [centre.areaNameTh, centre.areaNameEn, ...(KIND_ALIASES[centre.kind] ?? [])];
    if (centre.kind === 'province') names.push(...(PROVINCE_ALIASES[centre.code] ?? []));
    if (centre.kind === 'district') names.push(...(DISTRICT_ALIASES[centre.code] ?? []));
    const province = this.provinceIndexOf(index);
    if (province !== undefined && this.capitalOf.get(province) === index) {
      // "เมืองโคราช", "Mueang Ayutthaya": the capital district under any name of its province.
      for (const keyId of this.keysByCentre[province]) {
        const provinceKey = this.keys[keyId].text;
        names.push(THAI_CHAR.test(provinceKey) ? `เมือง${provinceKey}` : `mueang ${provinceKey}`);
      }
    }
    const texts = new Set<string>();
    for (const name of names) {
      const text = cleanTokens(name, Number.POSITIVE_INFINITY).join('');
      if (text.length >= 2) texts.add(text);
    }
    return [...texts];
  }

  private makeKey(index: number, text: string, grams: Int32Array): Key {
    const centre = this.centreList[index];
    const thai = THAI_CHAR.test(text);
    const short = text.length <= 3 || (centre.kind === 'district' && !thai && text.length <= 4);
    const province = this.provinceIndexOf(index);
    const sameAsProvince =
      centre.kind === 'district' &&
      province !== undefined &&
      this.keysByCentre[province].some((keyId) => this.keys[keyId].text === text);
    return { centre: index, text, grams, weak: short || COMMON_WORD_NAMES.has(text), sameAsProvince };
  }

  provinceIndexOf(index: number): number | undefined {
    const centre = this.centreList[index];
    if (centre.kind === 'province') return index;
    return centre.provinceCode === undefined ? undefined : this.provinceIndex.get(centre.provinceCode);
  }

  provinceCentreOf(centre: Centre): Centre | undefined {
    if (centre.provinceCode === undefined) return undefined;
    const index = this.provinceIndex.get(centre.provinceCode);
    return index === undefined ? undefined : this.centreList[index];
  }

  // The query's n-grams as ids of this index (unknown ones only counted); `cache` keeps those of one search.
  reading(text: string, cache?: Map<string, Reading>): Reading {
    const cached = cache?.get(text);
    if (cached) return cached;
    const grams = gramsOf(text);
    const ids: number[] = [];
    for (const gram of grams) {
      const id = this.gramIds.get(gram);
      if (id !== undefined) ids.push(id);
    }
    const reading: Reading = { text, ids, gramCount: grams.length };
    cache?.set(text, reading);
    return reading;
  }

  // Calls `visit` once for every key sharing an n-gram with the reading, with the number shared.
  collect(reading: Reading, postings: readonly Int32Array[], visit: (keyId: number, shared: number) => void): void {
    const shared = this.sharedCounts;
    const touched = this.touched;
    let count = 0;
    for (const id of reading.ids) {
      const list = postings[id];
      for (let i = 0; i < list.length; i += 1) {
        const keyId = list[i];
        if (shared[keyId] === 0) touched[count++] = keyId;
        shared[keyId] += 1;
      }
    }
    for (let i = 0; i < count; i += 1) {
      const keyId = touched[i];
      const n = shared[keyId];
      shared[keyId] = 0;
      visit(keyId, n);
    }
  }
}
