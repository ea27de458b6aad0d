import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../../api/types';
import { changedFields, toBody, toFormValues } from './enterprise-form-values';

const enterprise: Enterprise = {
  id: 1,
  creditCode: '91430900MA4L0000X1',
  name: '益阳某化工有限公司',
  legalRepresentative: '张三',
  address: null,
  lng: 112.35,
  lat: 28.55,
  regionCode: '430902',
  regionName: '资阳区',
  townshipCode: null,
  townshipName: null,
  gridId: null,
  industryCode: 'C2614',
  industryName: '有机化学原料制造',
  programmeIndustry: null,
  batch: 1,
  controlLevel: 'provincial',
  keyKinds: ['water', 'air'],
  status: 'operating',
  productsAndScale: null,
  startedOn: '2015-06-01',
  envContact: '李四',
  envContactPhone: '0737-1234567',
  active: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00+08:00',
  updatedAt: '2026-01-02T00:00:00+08:00',
};

describe('enterprise form values', () => {
  it('round-trips without changes', () => {
    expect(changedFields(enterprise, toBody(toFormValues(enterprise)))).toEqual({});
  });

  it('sends only what changed, trimmed, with empty text as null', () => {
    const values = { ...toFormValues(enterprise), envContactPhone: ' 13800000000 ', legalRepresentative: '' };
    expect(changedFields(enterprise, toBody(values))).toEqual({
      envContactPhone: '13800000000',
      legalRepresentative: null,
    });
  });

  it('compares arrays by value and dates as YYYY-MM-DD', () => {
    const values = { ...toFormValues(enterprise), keyKinds: ['water' as const] };
    expect(changedFields(enterprise, toBody(values))).toEqual({ keyKinds: ['water'] });
    expect(
      changedFields({ ...enterprise, startedOn: '2015-06-01T00:00:00Z' }, toBody(toFormValues(enterprise))),
    ).toEqual({});
  });
});
