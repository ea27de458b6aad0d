import { Col, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGrids, useRegions } from '../../components/use-regions';

/** District → township → grid, each list loaded from the choice above it. */
export function RegionFields({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const regionCode = Form.useWatch<string | undefined>('regionCode', form);
  const townshipCode = Form.useWatch<string | undefined>('townshipCode', form);
  const districts = useRegions({ level: 'district' });
  const townships = useRegions({ parent: regionCode ?? null });
  const grids = useGrids(townshipCode);

  return (
    <>
      <Col span={8}>
        <Form.Item
          name="regionCode"
          label={t('enterprise.region')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            disabled={disabled}
            showSearch
            optionFilterProp="label"
            options={districts.map((r) => ({ value: r.code, label: r.name }))}
            onChange={() => form.setFieldsValue({ townshipCode: null, gridId: null })}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="townshipCode" label={t('enterprise.township')}>
          <Select
            disabled={disabled}
            allowClear
            showSearch
            optionFilterProp="label"
            options={townships.map((r) => ({ value: r.code, label: r.name }))}
            onChange={() => form.setFieldsValue({ gridId: null })}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="gridId" label={t('enterprise.grid')}>
          <Select
            disabled={disabled}
            allowClear
            showSearch
            optionFilterProp="label"
            options={grids.map((g) => ({
              value: g.id,
              label: g.officerName ? `${g.name}（${g.officerName}）` : g.name,
            }))}
          />
        </Form.Item>
      </Col>
    </>
  );
}
