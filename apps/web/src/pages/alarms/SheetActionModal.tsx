import { Alert, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AlarmDetail, actOnSheet, SHEET_CONCLUSIONS, type SheetAction } from '../../api/alarms';
import { ApiError } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { type ActionFormValues, actionBody } from './sheet-actions';

interface Props {
  alarm: AlarmDetail;
  action: SheetAction | null;
  onClose: () => void;
  onDone: (detail: AlarmDetail) => void;
  /** A 409 (someone acted first, or the state moved on): the page reloads the sheet. */
  onConflict: () => void;
}

/** One step of the sheet's workflow as a form: the body fields the server takes for that action. */
export function SheetActionModal({ alarm, action, onClose, onDone, onConflict }: Props) {
  const { t } = useTranslation();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const sheet = alarm.sheet;
  if (!sheet) return null;
  return (
    <FormModal<ActionFormValues, AlarmDetail>
      open={action !== null}
      title={action ? `${t(`alarms.action.${action}`)} · ${sheet.number}` : ''}
      width={640}
      testId={`action-form-${action ?? ''}`}
      initialValues={{
        deviceSuspected: sheet.deviceSuspected,
        deviceFaulty: false,
        conclusion: sheet.deviceSuspected ? 'device_fault' : 'confirmed_exceedance',
      }}
      onClose={onClose}
      onSaved={onDone}
      onSubmit={async (values) => {
        if (!action) throw new Error('no action');
        try {
          return await actOnSheet(alarm.id, actionBody(action, sheet.version, values));
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) onConflict();
          throw err;
        }
      }}
    >
      {action === 'sign' && (
        <>
          <Form.Item name="note" label={t('alarms.form.note')}>
            <Input.TextArea rows={3} maxLength={2000} placeholder={t('alarms.form.notePlaceholder')} />
          </Form.Item>
          <Form.Item name="deviceSuspected" valuePropName="checked">
            <Checkbox data-testid="field-deviceSuspected">{t('alarms.form.deviceSuspected')}</Checkbox>
          </Form.Item>
        </>
      )}
      {action === 'explain' && (
        <>
          <Form.Item name="explanation" label={t('alarms.form.explanation')} rules={required}>
            <Input.TextArea
              rows={4}
              maxLength={2000}
              placeholder={t('alarms.form.explanationPlaceholder')}
              data-testid="field-explanation"
            />
          </Form.Item>
          <Form.Item name="selfCorrection" label={t('alarms.form.selfCorrection')} rules={required}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={t('alarms.form.selfCorrectionPlaceholder')}
              data-testid="field-selfCorrection"
            />
          </Form.Item>
          <Form.Item name="deviceSuspected" valuePropName="checked">
            <Checkbox>{t('alarms.form.deviceSuspected')}</Checkbox>
          </Form.Item>
        </>
      )}
      {action === 'verify_device' && (
        <>
          <Form.Item name="finding" label={t('alarms.form.finding')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('alarms.form.findingPlaceholder')} />
          </Form.Item>
          <Form.Item name="deviceFaulty" valuePropName="checked">
            <Checkbox>{t('alarms.form.deviceFaulty')}</Checkbox>
          </Form.Item>
        </>
      )}
      {action === 'conclude' && (
        <>
          <Form.Item name="conclusion" label={t('alarms.form.conclusion')} rules={[{ required: true }]}>
            <Radio.Group style={{ width: '100%' }}>
              <Space direction="vertical">
                {SHEET_CONCLUSIONS.map((c) => (
                  <Radio key={c} value={c}>
                    <div>{t(`alarms.conclusion.${c}`)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`alarms.conclusionFollowUp.${c}`)}
                    </Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('alarms.form.conclusionNote')} rules={required}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {action === 'close' && (
        <Form.Item name="note" label={t('alarms.form.closeNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {sheet.deviceSuspected && action === 'conclude' && (
        <Alert type="info" showIcon message={t('alarms.detail.deviceSuspected')} />
      )}
    </FormModal>
  );
}
