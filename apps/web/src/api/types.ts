// Shapes from docs/api-contract.md (v1). JSON keys are camelCase; dates YYYY-MM-DD; times ISO 8601.

export type Role =
  | 'admin'
  | 'city'
  | 'district'
  | 'grid'
  | 'enterprise'
  | 'operator'
  | 'expert'
  | 'department';
export const ROLES: readonly Role[] = [
  'admin',
  'city',
  'district',
  'grid',
  'enterprise',
  'operator',
  'expert',
  'department',
];

export type ControlLevel = 'national' | 'provincial' | 'city' | 'none';
export const CONTROL_LEVELS: readonly ControlLevel[] = ['national', 'provincial', 'city', 'none'];
export type EnterpriseStatus = 'operating' | 'stopped' | 'closed';
export const ENTERPRISE_STATUSES: readonly EnterpriseStatus[] = ['operating', 'stopped', 'closed'];
export type KeyKind = 'water' | 'air' | 'soil' | 'noise' | 'other';
export const KEY_KINDS: readonly KeyKind[] = ['water', 'air', 'soil', 'noise', 'other'];
export type ManagementClass = 'key' | 'simplified' | 'registration';
export const MANAGEMENT_CLASSES: readonly ManagementClass[] = ['key', 'simplified', 'registration'];
export type OutletKind = 'water' | 'air';
export const OUTLET_KINDS: readonly OutletKind[] = ['water', 'air'];

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string | null;
  enterpriseId: number | null;
  gridId: number | null;
  operatorId: number | null;
  phone?: string | null;
  active?: boolean;
  version?: number;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Region {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'township';
  parentCode: string | null;
}

export interface Grid {
  id: number;
  code: string;
  name: string;
  townshipCode: string;
  regionCode: string;
  officerUserId: number | null;
  officerName: string | null;
  officerPhone: string | null;
}

export interface Enterprise {
  id: number;
  creditCode: string;
  name: string;
  legalRepresentative: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  regionCode: string;
  regionName: string | null;
  townshipCode: string | null;
  townshipName: string | null;
  gridId: number | null;
  gridName?: string | null;
  industryCode: string | null;
  industryName: string | null;
  programmeIndustry: string | null;
  batch: number | null;
  controlLevel: ControlLevel;
  keyKinds: KeyKind[];
  status: EnterpriseStatus;
  productsAndScale: string | null;
  startedOn: string | null;
  envContact: string | null;
  envContactPhone: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PermitPollutant {
  pollutantCode: string;
  annualTotalT: number | null;
}

export interface Permit {
  id: number;
  enterpriseId: number;
  number: string;
  managementClass: ManagementClass;
  validFrom: string | null;
  validTo: string | null;
  executionReportDuty: string | null;
  pollutants: PermitPollutant[];
  active: boolean;
  version: number;
}

export interface Monitor {
  id: number;
  outletId: number;
  mn: string;
  password?: string | null;
  manufacturer: string | null;
  model: string | null;
  installedOn: string | null;
  operatorId?: number | null;
  operatorName?: string | null;
  active: boolean;
  version: number;
}

export interface Outlet {
  id: number;
  enterpriseId: number;
  kind: OutletKind;
  code: string;
  name: string;
  stackHeightM: number | null;
  stackDiameterM: number | null;
  flueTemperatureC: number | null;
  referenceO2: number | null;
  lng: number | null;
  lat: number | null;
  pollutants: string[];
  /** Emission standard category for limit resolution; null: not entered. */
  standardCategory?: SourceCategory | null;
  sourceAge?: SourceAge | null;
  monitors: Monitor[];
  active: boolean;
  version: number;
}

/** The server's SourceCategory (packages/domain/src/limits/categories.ts), in the same order. */
export const SOURCE_CATEGORIES = [
  'power-coal-boiler',
  'power-gas-boiler',
  'industrial-coal-boiler',
  'industrial-oil-boiler',
  'industrial-gas-boiler',
  'msw-incinerator',
  'cement-kiln',
  'wwtp-grade-1a',
  'wwtp-grade-1b',
  'wwtp-grade-2',
  'dyeing-direct',
] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];
export const SOURCE_AGES = ['new', 'existing'] as const;
export type SourceAge = (typeof SOURCE_AGES)[number];
/** GB 18918 and GB 4287 are water standards; the others air. */
export const categoryOutletKind = (c: SourceCategory): OutletKind =>
  c.startsWith('wwtp-') || c === 'dyeing-direct' ? 'water' : 'air';

export const LIMIT_AVERAGINGS = ['hour', 'day', 'instant'] as const;
export type LimitAveraging = (typeof LIMIT_AVERAGINGS)[number];
export type LimitValue = { kind: 'max'; max: number } | { kind: 'range'; lo: number; hi: number };

/** A concentration limit written in a permit (许可排放浓度) for one outlet and pollutant. */
export interface PermitLimit {
  outletCode: string;
  pollutant: string;
  averaging: LimitAveraging;
  value: LimitValue;
  unit: string;
  referenceO2: number | null;
  clause: string | null;
}

export interface Facility {
  id: number;
  enterpriseId: number;
  outletId: number | null;
  name: string;
  process: string | null;
  capacity: string | null;
  feasibleTechnology: boolean | null;
  active: boolean;
  version: number;
}

export interface EnterpriseDetail extends Enterprise {
  permits: Permit[];
  outlets: Outlet[];
  facilities: Facility[];
  /** The contract lists it; the server may send only gridName. */
  grid?: Grid | null;
}

export interface AuditEntry {
  id: number | string;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ImportCellError {
  row: number;
  column: string;
  header: string;
  field: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  valid: boolean;
  errors: ImportCellError[];
}

export interface DashboardSummary {
  enterprises: number;
  outlets: number;
  monitors: number;
  byDistrict: { code: string; name: string; count: number }[];
  byIndustry: { key: string; name: string; count: number }[];
  byControlLevel: { key: string; count: number }[];
  points: {
    id: number;
    name: string;
    lng: number;
    lat: number;
    regionCode: string;
    controlLevel: string;
  }[];
}

export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}
