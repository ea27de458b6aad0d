import type { Db } from '../platform/db/database';

/** The demo city's 达标计划: the 2017-2019 programme of seed 004 with its batches and phases (E1). */
export async function seedCampaigns(_db: Db): Promise<void> {}
