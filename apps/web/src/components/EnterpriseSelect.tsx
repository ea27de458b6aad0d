import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { listEnterprises } from '../api/enterprises';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
}

/** Picks an enterprise by typing part of its name or credit code. */
export function EnterpriseSelect({ value, onChange }: Props) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listEnterprises({ q: q || undefined, pageSize: 20 }, controller.signal).then(
        (page) => setOptions(page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  // Keep the current value labelled even when it is not in the latest search answer.
  const shown =
    value && !options.some((o) => o.value === value) ? [...options, { value, label: `#${value}` }] : options;
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      options={shown}
    />
  );
}
