/**
 * The directory of Damrongdham centres (the Ministry of Interior's, the Department of Provincial
 * Administration's, 76 provincial and 878 district centres) and of the agencies linked to the complaint
 * database. Provenance and licences of the bundled data: `data/SOURCES.md`.
 */
import type { Lang } from '../i18n/language';
import bundledAgencies from './data/agencies.json';
import bundledCentres from './data/centres.json';
import { CENTRE_KINDS, type CentreKind } from './kinds';

export { CENTRE_KINDS, type CentreKind };

/** One Damrongdham centre. `provinceCode` is set on districts only. */
export interface Centre {
  readonly code: string;
  readonly kind: CentreKind;
  readonly nameTh: string;
  readonly nameEn: string;
  readonly provinceCode?: string;
  /** The bare area name (`เชียงใหม่`, `Mueang Chiang Mai`), without the homonym suffixes of the full names. */
  readonly areaNameTh: string;
  readonly areaNameEn: string;
}

/** An agency that receives complaints. `hotline` is null when no number has been confirmed. */
export interface Agency {
  readonly code: string;
  readonly nameTh: string;
  readonly nameEn: string;
  readonly abbrTh: string;
  readonly abbrEn: string;
  readonly hotline: string | null;
  readonly linked: boolean;
}

/** Where a complaint goes: a centre or an agency, by code. */
export type Destination = { kind: 'centre'; code: string } | { kind: 'agency'; code: string };

type JsonRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCentreKind(value: unknown): value is CentreKind {
  return typeof value === 'string' && (CENTRE_KINDS as readonly string[]).includes(value);
}

function requireText(record: JsonRecord, field: string, where: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${where}: "${field}" must be a non-empty string`);
  }
  return value;
}

function requireArray(raw: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(raw)) throw new Error(`${what} must be a JSON array`);
  return raw;
}

/**
 * Checks parsed JSON (the schema of `data/centres.json`) and returns it as centres. Throws an Error naming
 * the first bad row and field. Relations between rows are checked by the CentreDirectory constructor.
 */
export function parseCentres(raw: unknown): Centre[] {
  return requireArray(raw, 'Centres').map((item, index) => {
    const where = `Centre #${index}`;
    if (!isRecord(item)) throw new Error(`${where} must be an object`);
    const code = requireText(item, 'code', where);
    const at = `${where} ("${code}")`;
    const kind = item.kind;
    if (!isCentreKind(kind)) throw new Error(`${at}: "kind" must be one of ${CENTRE_KINDS.join(', ')}`);
    const centre: Centre = {
      code,
      kind,
      nameTh: requireText(item, 'nameTh', at),
      nameEn: requireText(item, 'nameEn', at),
      areaNameTh: requireText(item, 'areaNameTh', at),
      areaNameEn: requireText(item, 'areaNameEn', at),
    };
    if (item.provinceCode === undefined) return centre;
    return { ...centre, provinceCode: requireText(item, 'provinceCode', at) };
  });
}

/** Checks parsed JSON (the schema of `data/agencies.json`) and returns it as agencies. */
export function parseAgencies(raw: unknown): Agency[] {
  return requireArray(raw, 'Agencies').map((item, index) => {
    const where = `Agency #${index}`;
    if (!isRecord(item)) throw new Error(`${where} must be an object`);
    const code = requireText(item, 'code', where);
    const at = `${where} ("${code}")`;
    const hotline = item.hotline;
    if (hotline !== null && (typeof hotline !== 'string' || hotline.trim() === '')) {
      throw new Error(`${at}: "hotline" must be a non-empty string or null`);
    }
    if (typeof item.linked !== 'boolean') throw new Error(`${at}: "linked" must be true or false`);
    return {
      code,
      nameTh: requireText(item, 'nameTh', at),
      nameEn: requireText(item, 'nameEn', at),
      abbrTh: requireText(item, 'abbrTh', at),
      abbrEn: requireText(item, 'abbrEn', at),
      hotline,
      linked: item.linked,
    };
  });
}

const COLLATORS: Readonly<Record<Lang, Intl.Collator>> = {
  th: new Intl.Collator('th'),
  en: new Intl.Collator('en'),
};

function sortedByName(centres: readonly Centre[], lang: Lang): readonly Centre[] {
  const collator = COLLATORS[lang];
  const name = (centre: Centre) => (lang === 'th' ? centre.areaNameTh : centre.areaNameEn);
  return Object.freeze([...centres].sort((a, b) => collator.compare(name(a), name(b)) || (a.code < b.code ? -1 : 1)));
}

let bundled: CentreDirectory | undefined;

/**
 * Centres and agencies, looked up by code. Built from plain arrays so that tests and an admin screen can
 * supply their own; the constructor rejects inconsistent data with an Error that names the problem.
 * Instances are immutable.
 */
export class CentreDirectory {
  private readonly centreList: readonly Centre[];
  private readonly agencyList: readonly Agency[];
  private readonly centresByCode = new Map<string, Centre>();
  private readonly agenciesByCode = new Map<string, Agency>();
  private readonly provincesByLang: Readonly<Record<Lang, readonly Centre[]>>;
  private readonly districtsByLang = new Map<string, Readonly<Record<Lang, readonly Centre[]>>>();

  constructor(centres: readonly Centre[], agencies: readonly Agency[]) {
    this.centreList = Object.freeze(centres.map((centre) => Object.freeze({ ...centre })));
    this.agencyList = Object.freeze(agencies.map((agency) => Object.freeze({ ...agency })));

    for (const centre of this.centreList) {
      if (this.centresByCode.has(centre.code)) throw new Error(`Duplicate centre code "${centre.code}"`);
      this.centresByCode.set(centre.code, centre);
    }
    for (const agency of this.agencyList) {
      if (this.agenciesByCode.has(agency.code)) throw new Error(`Duplicate agency code "${agency.code}"`);
      this.agenciesByCode.set(agency.code, agency);
    }

    const districtsByProvince = new Map<string, Centre[]>();
    for (const centre of this.centreList) {
      if (centre.kind !== 'district') {
        if (centre.provinceCode !== undefined) {
          throw new Error(`Centre "${centre.code}" is a ${centre.kind} centre and must not have a provinceCode`);
        }
        continue;
      }
      if (centre.provinceCode === undefined) throw new Error(`District centre "${centre.code}" has no provinceCode`);
      const parent = this.centresByCode.get(centre.provinceCode);
      if (parent?.kind !== 'province') {
        throw new Error(`District centre "${centre.code}" names province "${centre.provinceCode}", which is not a province centre`);
      }
      const siblings = districtsByProvince.get(centre.provinceCode) ?? [];
      siblings.push(centre);
      districtsByProvince.set(centre.provinceCode, siblings);
    }

    const provinces = this.centreList.filter((centre) => centre.kind === 'province');
    this.provincesByLang = { th: sortedByName(provinces, 'th'), en: sortedByName(provinces, 'en') };
    for (const province of provinces) {
      const districts = districtsByProvince.get(province.code) ?? [];
      this.districtsByLang.set(province.code, { th: sortedByName(districts, 'th'), en: sortedByName(districts, 'en') });
    }
  }

  /**
   * The directory shipped with the service (`data/centres.json` and `data/agencies.json`). It is built once
   * and shared: the instance is immutable.
   */
  static fromBundledData(): CentreDirectory {
    bundled ??= new CentreDirectory(parseCentres(bundledCentres), parseAgencies(bundledAgencies));
    return bundled;
  }

  /** Every centre, in the order given to the constructor. */
  centres(): readonly Centre[] {
    return this.centreList;
  }

  centre(code: string): Centre | undefined {
    return this.centresByCode.get(code);
  }

  agency(code: string): Agency | undefined {
    return this.agenciesByCode.get(code);
  }

  /** Every agency, in the order given to the constructor. */
  agencies(): readonly Agency[] {
    return this.agencyList;
  }

  /** The province centres, sorted by their area name in the given language (Thai collation for Thai). */
  provinces(lang: Lang): readonly Centre[] {
    return this.provincesByLang[lang];
  }

  /** The district centres of a province, sorted by area name; empty for a code that is not a province. */
  districtsOf(provinceCode: string, lang: Lang): readonly Centre[] {
    return this.districtsByLang.get(provinceCode)?.[lang] ?? [];
  }

  /** A district's province centre; a province centre is its own province; the central centres have none. */
  provinceOf(centre: Centre): Centre | undefined {
    if (centre.kind === 'province') return this.centresByCode.get(centre.code);
    if (centre.kind === 'district' && centre.provinceCode !== undefined) return this.centresByCode.get(centre.provinceCode);
    return undefined;
  }

  /** The display name of a destination. Throws for a code that is not in this directory. */
  describeDestination(destination: Destination, lang: Lang): string {
    const named = destination.kind === 'centre' ? this.centre(destination.code) : this.agency(destination.code);
    if (!named) throw new Error(`Unknown ${destination.kind} code "${destination.code}"`);
    return lang === 'th' ? named.nameTh : named.nameEn;
  }
}

/**
 * The display name of a destination (a centre's or agency's full name) in the given language, looked up in
 * the bundled directory unless another is given. Throws for an unknown code.
 */
export function describeDestination(
  destination: Destination,
  lang: Lang,
  directory: CentreDirectory = CentreDirectory.fromBundledData(),
): string {
  return directory.describeDestination(destination, lang);
}
