import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { commitImport, previewImport, templateUrl } from '../../api/enterprises';
import type { ImportCellError, ImportPreview } from '../../api/types';
import { errorMessage } from '../../components/error-message';

/** The 422 of a failed commit carries the cell errors in `errors`, as the preview does. */
function cellErrorsOf(err: unknown): ImportCellError[] | null {
  if (!(err instanceof ApiError)) return null;
  const body = err.errors as unknown as Partial<ImportCellError>[];
  return body.length > 0 && body.every((e) => typeof e.row === 'number') ? (body as ImportCellError[]) : null;
}

/** Upload → preview listing every invalid cell → commit, all or nothing. */
export default function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const choose = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setImported(null);
    setError(undefined);
  };

  async function run(step: 'preview' | 'commit') {
    if (!file) return setError(t('import.noFile'));
    setBusy(true);
    setError(undefined);
    try {
      if (step === 'preview') setPreview(await previewImport(file));
      else setImported((await commitImport(file)).imported);
    } catch (err) {
      const cells = cellErrorsOf(err);
      if (cells) setPreview({ rows: preview?.rows ?? 0, valid: false, errors: cells });
      else setError(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  }

  const current = imported !== null ? 2 : preview ? 1 : 0;
  return (
    <Card title={t('import.title')}>
      <Steps
        current={current}
        style={{ maxWidth: 720, marginBottom: 24 }}
        items={[{ title: t('import.choose') }, { title: t('import.preview') }, { title: t('import.commit') }]}
      />
      <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} href={templateUrl()}>
          {t('import.template')}
        </Button>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
          showUploadList={false}
        >
          <Button icon={<UploadOutlined />} data-testid="import-choose">
            {t('import.choose')}
          </Button>
        </Upload>
        <Button
          onClick={() => run('preview')}
          loading={busy && !preview}
          disabled={!file}
          data-testid="import-preview"
        >
          {t('import.preview')}
        </Button>
        <Button
          type="primary"
          onClick={() => run('commit')}
          loading={busy && !!preview}
          disabled={!preview?.valid || imported !== null}
          data-testid="import-commit"
        >
          {t('import.commit')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {imported !== null ? (
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title={t('import.imported', { count: imported })}
          extra={
            <Link to="/enterprises?sort=-updatedAt">
              <Button type="primary">{t('import.goToList')}</Button>
            </Link>
          }
        />
      ) : (
        preview && <PreviewResult preview={preview} />
      )}
    </Card>
  );
}

/** Row by row, and left to right within a row (B before AA). */
function byCell(a: ImportCellError, b: ImportCellError): number {
  return a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);
}

function PreviewResult({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert
        type={preview.valid ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 16 }}
        message={preview.valid ? t('import.valid') : t('import.invalid', { count: preview.errors.length })}
        description={t('import.rows', { count: preview.rows })}
        data-testid="import-summary"
      />
      {preview.errors.length > 0 && (
        <Table<ImportCellError>
          size="small"
          rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
          dataSource={[...preview.errors].sort(byCell)}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
            { title: t('import.column'), dataIndex: 'column', width: 80 },
            { title: t('import.header'), dataIndex: 'header', width: 200 },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
