import type {
  Averaging,
  ControlLevel,
  EnterpriseStatus,
  KeyKind,
  LimitValue,
  OutletKind,
  PermitClass,
  Role,
  SourceAge,
  SourceCategory,
} from '@dabiao/domain';

/**
 * The generated demo city: plain data with deterministic string keys that stand in for the
 * database ids until `seed-city.ts` inserts it. Field names follow docs/api-contract.md.
 */
export interface DemoRegion {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district' | 'township';
  parentCode: string | null;
}

export interface DemoGrid {
  key: string;
  code: string;
  name: string;
  townshipCode: string;
  officer: { username: string; displayName: string; phone: string };
}

export interface DemoEnterprise {
  key: string;
  creditCode: string;
  name: string;
  legalRepresentative: string;
  address: string;
  lng: number;
  lat: number;
  regionCode: string;
  townshipCode: string;
  gridKey: string;
  industryCode: string;
  programmeIndustry: string;
  batch: 1 | 2 | 3;
  controlLevel: ControlLevel;
  keyKinds: KeyKind[];
  status: EnterpriseStatus;
  productsAndScale: string;
  startedOn: string;
  envContact: string;
  envContactPhone: string;
}

export interface DemoPermit {
  enterpriseKey: string;
  number: string;
  managementClass: PermitClass;
  validFrom: string;
  validTo: string;
  executionReportDuty: string | null;
  pollutants: { pollutantCode: string; annualTotalT: number }[];
  /** Concentration limits the permit writes for some outlets (许可排放浓度). */
  limits: DemoPermitLimit[];
}

export interface DemoPermitLimit {
  outletCode: string;
  pollutant: string;
  averaging: Averaging;
  value: LimitValue;
  unit: string;
  referenceO2: number | null;
  clause: string | null;
}

/** What the device simulator should imitate for an outlet. */
export type OutletProfile =
  | 'coal_boiler'
  | 'thermal_power'
  | 'cement_kiln'
  | 'incinerator'
  | 'wastewater_plant'
  | 'paper_mill'
  | 'dyeing'
  | 'industrial_water'
  | 'industrial_air';

export interface DemoOutlet {
  key: string;
  enterpriseKey: string;
  kind: OutletKind;
  code: string;
  name: string;
  stackHeightM: number | null;
  stackDiameterM: number | null;
  flueTemperatureC: number | null;
  referenceO2: number | null;
  lng: number;
  lat: number;
  pollutants: string[];
  profile: OutletProfile;
  /** The emission standard's category (limit resolver); null where the profile does not say. */
  standardCategory: SourceCategory | null;
  /** New or existing source as the category's standard divides them; null where it does not. */
  sourceAge: SourceAge | null;
}

export interface DemoMonitor {
  outletKey: string;
  mn: string;
  password: string;
  manufacturer: string;
  model: string;
  installedOn: string;
  operatorKey: string;
}

export interface DemoFacility {
  enterpriseKey: string;
  outletKey?: string;
  name: string;
  process: string;
  capacity: string;
  feasibleTechnology: boolean;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  enterpriseKey?: string;
  gridKey?: string;
  operatorKey?: string;
}

export interface DemoOperator {
  key: string;
  name: string;
}

export interface DemoCity {
  seed: number;
  regions: DemoRegion[];
  grids: DemoGrid[];
  enterprises: DemoEnterprise[];
  permits: DemoPermit[];
  outlets: DemoOutlet[];
  monitors: DemoMonitor[];
  facilities: DemoFacility[];
  operators: DemoOperator[];
  users: DemoUser[];
}
