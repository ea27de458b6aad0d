import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { flattenKeys, placeholders } from './keys';
import { zhCN } from './zh-CN';

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
}

describe('i18n files', () => {
  const zhKeys = flattenKeys(zhCN).sort();
  const enKeys = flattenKeys(enUS).sort();

  it('zh-CN and en-US have the same keys', () => {
    expect(enKeys).toEqual(zhKeys);
  });

  it('no message is empty', () => {
    for (const key of zhKeys) {
      expect(lookup(zhCN, key), key).not.toBe('');
      expect(lookup(enUS, key), key).not.toBe('');
    }
  });

  it('both languages use the same placeholders', () => {
    for (const key of zhKeys) {
      expect(placeholders(String(lookup(enUS, key))), key).toEqual(placeholders(String(lookup(zhCN, key))));
    }
  });
});
