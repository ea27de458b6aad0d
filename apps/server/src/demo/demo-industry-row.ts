import type { OutletTemplateName } from './demo-outlet-templates';

/** The shape of one row of the demo city's industry mix, and helpers to write rows tersely. */
export interface ClassOption {
  code: string;
  weight: number;
  /** Words for the company name, e.g. '纸业'. */
  trade: readonly string[];
  product: string;
  scale: [number, number];
  unit: string;
}

export interface OutletSlot {
  template: OutletTemplateName;
  /** Probability that a plant has this outlet. */
  p: number;
  /** Up to this many numbered copies (1#, 2#…), at least one when present. */
  max: number;
}

export interface IndustryMix {
  key: string;
  count: number;
  /** District code → weight. */
  districts: Readonly<Record<string, number>>;
  classes: readonly ClassOption[];
  outlets: readonly OutletSlot[];
  /** Weights of national / provincial / city / none. */
  control: readonly [number, number, number, number];
  /** Weights of key / simplified / registration permits when not a national/provincial source. */
  permit: readonly [number, number, number];
  started: [number, number];
}

const CODES: Record<string, string> = {
  zy: '430902',
  hs: '430903',
  nx: '430921',
  tj: '430922',
  ah: '430923',
  dth: '430971',
  gx: '430972',
  yj: '430981',
};

/** 'hs:3 gx:2' → {'430903': 3, '430972': 2}. */
function where(spec: string): Record<string, number> {
  return Object.fromEntries(spec.split(' ').map((p) => [CODES[p.split(':')[0]!]!, Number(p.split(':')[1])]));
}

export function cls(
  code: string,
  weight: number,
  trade: string,
  product: string,
  lo: number,
  hi: number,
  unit: string,
): ClassOption {
  return { code, weight, trade: trade.split('|'), product, scale: [lo, hi], unit };
}

/** 'paper coalBoiler:0.6 powerUnit:1:2' → slots. */
function outlets(spec: string): OutletSlot[] {
  return spec.split(' ').map((s) => {
    const [template, p = '1', max = '1'] = s.split(':');
    return { template: template as OutletTemplateName, p: Number(p), max: Number(max) };
  });
}

type Row = Omit<IndustryMix, 'districts' | 'outlets'> & { districts: string; outlets: string };
export const row = (r: Row): IndustryMix => ({
  ...r,
  districts: where(r.districts),
  outlets: outlets(r.outlets),
});

/** Presets of control-level and permit-class weights by kind of industry. */
export const HEAVY = { control: [0.25, 0.45, 0.25, 0.05], permit: [1, 0, 0] } as const;
export const CHEM = { control: [0.05, 0.3, 0.35, 0.3], permit: [0.7, 0.3, 0] } as const;
export const LIGHT = { control: [0, 0.05, 0.3, 0.65], permit: [0.15, 0.6, 0.25] } as const;
export const SMALL = { control: [0, 0.02, 0.18, 0.8], permit: [0.05, 0.45, 0.5] } as const;
