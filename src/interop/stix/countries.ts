/** ISO 3166-1 alpha-2 codes of the gazetteer's countries (STIX `location.country`). */
const ISO_CODES: Readonly<Record<string, string>> = {
  'north-korea': 'KP', 'south-korea': 'KR', russia: 'RU', ukraine: 'UA', 'united-states': 'US', 'united-kingdom': 'GB',
  china: 'CN', japan: 'JP', belarus: 'BY', iran: 'IR', poland: 'PL', germany: 'DE', france: 'FR', mongolia: 'MN',
  syria: 'SY', israel: 'IL', taiwan: 'TW',
};

export function countryCodeOf(countrySlug: string): string | undefined {
  return Object.hasOwn(ISO_CODES, countrySlug) ? ISO_CODES[countrySlug] : undefined;
}
