/**
 * Where the gazetteer's places lie (src/analyse/places.ts), in decimal degrees (WGS 84), to about
 * two decimals: enough to put a claim on a map, not to target anything. Countries and large
 * regions are given by an approximate centroid, cities and towns by their centre, oblasts and
 * krais that share a name with their capital by that city. Exported to STIX `location` objects
 * (src/interop/stix) and usable by any map.
 */
const COORDINATES: Readonly<Record<string, readonly [latitude: number, longitude: number]>> = {
  // Countries (approximate centroids).
  'north-korea': [40.34, 127.51], 'south-korea': [36.5, 127.85], russia: [61.52, 105.32], ukraine: [48.38, 31.17],
  'united-states': [39.83, -98.58], 'united-kingdom': [54.0, -2.5], china: [35.86, 104.2], japan: [36.2, 138.25],
  belarus: [53.71, 27.95], iran: [32.43, 53.69], poland: [51.92, 19.15], germany: [51.17, 10.45], france: [46.23, 2.21],
  mongolia: [46.86, 103.85], syria: [34.8, 39.0], israel: [31.05, 34.85], taiwan: [23.7, 120.96],
  // Russia.
  kursk: [51.73, 36.19], belgorod: [50.6, 36.59], bryansk: [53.24, 34.36], voronezh: [51.67, 39.18],
  'rostov-oblast': [47.7, 40.9], 'rostov-on-don': [47.24, 39.71], millerovo: [48.92, 40.4], taganrog: [47.21, 38.94],
  sudzha: [51.19, 35.27], korenevo: [51.41, 34.91], rylsk: [51.57, 34.68], lgov: [51.66, 35.26],
  'russian-far-east': [62.0, 140.0], 'primorsky-krai': [45.05, 135.0], vladivostok: [43.12, 131.89],
  ussuriysk: [43.8, 131.95], nakhodka: [42.82, 132.89], 'khabarovsk-krai': [53.0, 135.5], khabarovsk: [48.48, 135.08],
  amur: [53.0, 127.5], blagoveshchensk: [50.27, 127.54], 'vostochny-cosmodrome': [51.88, 128.33], sakhalin: [50.69, 142.95],
  moscow: [55.76, 37.62], 'moscow-oblast': [55.5, 37.0], 'st-petersburg': [59.94, 30.31], siberia: [60.0, 100.0],
  kaliningrad: [54.71, 20.51], 'krasnodar-krai': [45.3, 39.2], krasnodar: [45.04, 38.98], chechnya: [43.4, 45.72],
  tatarstan: [55.18, 50.73], novosibirsk: [55.03, 82.92],
  // Ukraine.
  kyiv: [50.45, 30.52], 'kyiv-oblast': [50.05, 30.77], donbas: [48.3, 38.5], donetsk: [48.0, 37.8], luhansk: [48.57, 39.31],
  pokrovsk: [48.28, 37.18], bakhmut: [48.59, 38.0], avdiivka: [48.14, 37.74], kramatorsk: [48.72, 37.56],
  toretsk: [48.4, 37.85], vuhledar: [47.78, 37.25], mariupol: [47.1, 37.55],
  'zaporizhzhia-oblast': [47.2, 35.8], zaporizhzhia: [47.84, 35.14], 'kherson-oblast': [46.7, 33.5], kherson: [46.64, 32.62],
  'kharkiv-oblast': [49.6, 36.5], kharkiv: [49.99, 36.23], kupiansk: [49.71, 37.62], 'sumy-oblast': [50.9, 34.4],
  sumy: [50.91, 34.8], 'chernihiv-oblast': [51.45, 32.0], chernihiv: [51.49, 31.29], crimea: [45.3, 34.4],
  sevastopol: [44.62, 33.53], odesa: [46.48, 30.72], dnipro: [48.46, 35.05], lviv: [49.84, 24.03], mykolaiv: [46.98, 32.0],
  // The Koreas.
  pyongyang: [39.04, 125.76], wonsan: [39.15, 127.44], rason: [42.26, 130.3], nampo: [38.74, 125.41],
  chongjin: [41.8, 129.78], sinuiju: [40.1, 124.4], hamhung: [39.92, 127.54], kaesong: [37.97, 126.55],
  seoul: [37.57, 126.98], busan: [35.18, 129.08], incheon: [37.46, 126.71], jeju: [33.38, 126.55],
  // Capitals named for their governments.
  washington: [38.91, -77.04], beijing: [39.9, 116.41], tokyo: [35.68, 139.69], minsk: [53.9, 27.56],
  tehran: [35.69, 51.39], london: [51.51, -0.13],
};

/** Coordinates of a gazetteer place (its slug, as in `loc:<slug>`), or undefined for a place the gazetteer does not know. */
export function coordinatesOf(slug: string): { latitude: number; longitude: number } | undefined {
  const c = Object.hasOwn(COORDINATES, slug) ? COORDINATES[slug] : undefined;
  return c === undefined ? undefined : { latitude: c[0], longitude: c[1] };
}
