/**
 * Region scope of a user: does the scope `scopeCode` contain the area `code`? GB/T 2260 codes:
 * province `XX0000` contains every `XX….`, city `XXYY00` every `XXYY..`, a district `XXYYZZ`
 * itself and the 9-digit township (and 12-digit village) codes under it. A township scope
 * (9 or 12 digits) contains only codes that start with it, so never a whole district.
 */
export function regionScopeContains(scopeCode: string, code: string): boolean {
  if (!/^\d{6}(\d{3}){0,2}$/.test(scopeCode) || !/^\d{6}(\d{3}){0,2}$/.test(code)) return false;
  const prefix = scopeCode.length === 6 ? scopeCode.replace(/(00)+$/, '') : scopeCode;
  return prefix.length > 0 && code.startsWith(prefix);
}
