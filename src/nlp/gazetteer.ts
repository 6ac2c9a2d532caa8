import { createRequire } from 'node:module';
import { COUNTRY_DISPLAY, DEMONYMS, PLACE_ALIASES, type PlaceKind } from './place-aliases.ts';

export type { PlaceKind } from './place-aliases.ts';

export type Place = {
  name: string;
  kind: PlaceKind;
  country: string | null;
  /** From our own alias table (set only then): a name news uses, safe to trust without context. */
  curated?: true;
};

export type Gazetteer = {
  /** A place by any of its names ("Kiev", "the Golan", "Quneitra province"), else null. */
  lookupPlace(name: string): Place | null;
  /** The country of a demonym or adjective ("Syrian", "Israelis", "U.S."), else null. */
  lookupDemonym(word: string): string | null;
  /** Continents and world regions: places, but too large to be the "where" of one story. */
  isBroadArea(name: string): boolean;
  /** The number of names it knows. */
  readonly size: number;
};

const NON_ASCII = /[^\x00-\x7f]/u;

type CityRow = {
  city: string;
  city_ascii: string;
  pop: number;
  country: string;
  iso2: string;
  province: string;
};
type RegionCountry = { countryName: string; countryShortCode: string; regions: { name: string }[] };
type CountryNames = { countries: Record<string, string | string[]> };

/** Cities smaller than this are left out: small towns share names with people and words. */
const MIN_CITY_POPULATION = 15_000;

/** Generic words around a place name that do not change which place it is. */
const PLACE_SUFFIX =
  /\s+(province|governorate|region|city|state|county|district|village|town|oblast|prefecture|territory|area)$/;
const PLACE_PREFIX =
  /^(the|southern|northern|eastern|western|central|south|north|east|west|occupied|greater)\s+/;
const ARABIC_ARTICLE = /^(al|el|as|ash|ar|ad|an|at|az)\s+/;

/** The lookup key of a name: lower case, no accents, no punctuation, one space between words. */
export function normalizePlaceKey(name: string): string {
  // Most names are plain ASCII: cheaper rules for them.
  if (/^[\x20-\x7e]*$/.test(name))
    return name
      .toLowerCase()
      .replace(/'s$/, '')
      .replace(/['`.]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019`]s$/, '')
    .replace(/['\u2019`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Countries whose regions news names most: they win name clashes, the first five even over foreign cities. */
const PREFERRED_REGION_COUNTRIES = [
  'US',
  'GB',
  'CA',
  'AU',
  'IN',
  'CN',
  'RU',
  'UA',
  'DE',
  'FR',
  'IT',
  'ES',
  'BR',
  'MX',
];

const KIND_RANK: Record<PlaceKind, number> = { country: 0, area: 1, city: 2, region: 3 };

export function createGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const places = new Map<string, Place>();
  const broad = new Set<string>();
  /** Aliases we wrote by hand win over the packages' data. */
  const pinned = new Set<string>();

  const add = (key: string, place: Place, pin = false): void => {
    const k = normalizePlaceKey(key);
    if (!k || pinned.has(k)) return;
    const old = places.get(k);
    if (pin || !old || KIND_RANK[place.kind] < KIND_RANK[old.kind]) places.set(k, place);
    if (pin) pinned.add(k);
  };

  const en = require('i18n-iso-countries/langs/en.json') as CountryNames;
  const countryOf = new Map<string, string>();
  for (const [code, value] of Object.entries(en.countries)) {
    const names = Array.isArray(value) ? value : [value];
    const display =
      COUNTRY_DISPLAY[code] ??
      names.filter((n) => !/^[A-Z.]+$/.test(n)).sort((a, b) => a.length - b.length)[0] ??
      names[0];
    if (!display) continue;
    countryOf.set(code, display);
    const place: Place = { name: display, kind: 'country', country: display };
    add(display, place);
    for (const n of names) add(n, place);
  }

  const cities = require('city-timezones/data/cityMap.json') as CityRow[];
  const bigCities = cities.filter((c) => c.pop >= MIN_CITY_POPULATION).sort((a, b) => a.pop - b.pop);
  for (const c of bigCities) {
    const country = countryOf.get(c.iso2) ?? c.country;
    const place: Place = { name: c.city, kind: 'city', country };
    // Larger cities come later and replace smaller namesakes.
    const key = normalizePlaceKey(c.city);
    if (places.get(key)?.kind === 'city') places.delete(key);
    add(c.city, place);
    if (c.city_ascii !== c.city) add(c.city_ascii, place);
  }

  const regionData = require('country-region-data/data.json') as RegionCountry[];
  // Where two countries have a region of one name ("Maryland"), the one news means most often wins.
  const rank = (code: string) => {
    const i = PREFERRED_REGION_COUNTRIES.indexOf(code);
    return i < 0 ? PREFERRED_REGION_COUNTRIES.length : i;
  };
  regionData.sort((a, b) => rank(a.countryShortCode) - rank(b.countryShortCode));
  for (const c of regionData) {
    const country = countryOf.get(c.countryShortCode) ?? c.countryName;
    const preferred = PREFERRED_REGION_COUNTRIES.slice(0, 5).includes(c.countryShortCode);
    for (const r of c.regions) {
      // "Florida" the US state, not the Uruguayan town.
      const k = normalizePlaceKey(r.name);
      const old = places.get(k);
      if (preferred && old?.kind === 'city' && old.country !== country && !pinned.has(k)) places.delete(k);
      add(r.name, { name: r.name, kind: 'region', country });
    }
  }

  for (const a of PLACE_ALIASES) {
    const place: Place = { name: a.name, kind: a.kind, country: a.country, curated: true };
    for (const n of [a.name, ...(a.aliases ?? [])]) {
      add(n, place, true);
      if (a.broad) broad.add(normalizePlaceKey(n));
    }
  }

  const demonyms = new Map<string, string>();
  for (const [adj, country] of Object.entries(DEMONYMS)) demonyms.set(normalizePlaceKey(adj), country);
  for (const k of ['us', 'u s', 'usa']) demonyms.set(k, 'United States');
  for (const k of ['uk', 'u k']) demonyms.set(k, 'United Kingdom');
  for (const k of ['eu', 'european']) demonyms.set(k, 'European Union');

  const lookupKey = (k: string): Place | null => {
    const hit = places.get(k);
    if (hit) return hit;
    const noArticle = k.replace(ARABIC_ARTICLE, '');
    if (noArticle !== k) return places.get(noArticle) ?? null;
    return null;
  };

  const lookupPlace = (name: string): Place | null => {
    let k = normalizePlaceKey(name);
    if (!k) return null;
    const direct = lookupKey(k);
    // The article's accented spelling ("Valparaíso") beats the list's plain one ("Valparaiso").
    if (
      direct &&
      NON_ASCII.test(name) &&
      !NON_ASCII.test(direct.name) &&
      normalizePlaceKey(direct.name) === k
    )
      return { ...direct, name: name.trim() };
    if (direct) return direct;
    for (let i = 0; i < 2; i++) {
      const next = k.replace(PLACE_PREFIX, '').replace(PLACE_SUFFIX, '');
      if (next === k || !next) break;
      k = next;
      const hit = lookupKey(k);
      if (hit) return hit;
    }
    return null;
  };

  return {
    lookupPlace,
    lookupDemonym: (word) => demonyms.get(normalizePlaceKey(word)) ?? null,
    isBroadArea: (name) => {
      const k = normalizePlaceKey(name).replace(/^the /, '');
      return broad.has(k);
    },
    get size() {
      return places.size;
    },
  };
}

let shared: Gazetteer | null = null;

/** The one gazetteer of the process, built on first use. */
export function getGazetteer(): Gazetteer {
  shared ??= createGazetteer();
  return shared;
}

/** `getGazetteer().lookupPlace(name)`. */
export function lookupPlace(name: string): Place | null {
  return getGazetteer().lookupPlace(name);
}
