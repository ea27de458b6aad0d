/**
 * Does an area code cover a region? GB/T 2260 codes are 6 digits, province `12 00 00`, city
 * `13 01 00`, district `13 01 02`: trailing `00` pairs mean "every area under it".
 */
export function regionCovers(areaCode: string, regionCode: string): boolean {
  if (!/^\d{6}$/.test(areaCode) || !/^\d{6}$/.test(regionCode)) return false;
  const prefix = areaCode.replace(/(00)+$/, '');
  return prefix.length > 0 && regionCode.startsWith(prefix);
}
