import { BATCH1_MIX } from './demo-industry-batch1';
import { BATCH2_MIX } from './demo-industry-batch2';
import { BATCH3_MIX } from './demo-industry-batch3';
import type { IndustryMix } from './demo-industry-row';

export type { ClassOption, IndustryMix, OutletSlot } from './demo-industry-row';

/**
 * What the demo city's industry looks like: per programme industry how many plants, where
 * (Yiyang: 沅江 paper mills, 安化 dark tea and antimony, 桃江 bamboo and cement at 灰山港,
 * 南县 crayfish and rice, 赫山/高新 the industrial parks), which GB/T 4754 classes, which outlets.
 */
export const INDUSTRY_MIX: readonly IndustryMix[] = [...BATCH1_MIX, ...BATCH2_MIX, ...BATCH3_MIX];
