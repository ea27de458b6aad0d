import { describe, expect, it } from 'vitest';
import { pointerToPath, problemToFieldErrors } from './problem';

describe('pointerToPath', () => {
  it.each([
    ['/creditCode', ['creditCode']],
    ['/outlets/0/code', ['outlets', 0, 'code']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['', []],
    ['/', []],
  ])('%s', (pointer, path) => {
    expect(pointerToPath(pointer)).toEqual(path);
  });
});

describe('problemToFieldErrors', () => {
  const known = ['creditCode', 'name', 'pollutants'];

  it('puts known fields on the form and merges messages of one field', () => {
    const mapped = problemToFieldErrors(
      [
        { path: '/creditCode', message: '校验码错误' },
        { path: '/creditCode', message: '长度应为18位' },
        { path: '/pollutants/1/annualTotalT', message: '应为非负数' },
      ],
      known,
    );
    expect(mapped.fields).toEqual([
      { name: ['creditCode'], errors: ['校验码错误', '长度应为18位'] },
      { name: ['pollutants', 1, 'annualTotalT'], errors: ['应为非负数'] },
    ]);
    expect(mapped.other).toEqual([]);
  });

  it('keeps unknown, query and empty paths as general messages', () => {
    const mapped = problemToFieldErrors(
      [
        { path: '/query/page', message: 'bad page' },
        { path: '/nope', message: 'unknown' },
        { path: '', message: 'whole body' },
      ],
      known,
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.other).toEqual(['/query/page: bad page', '/nope: unknown', 'whole body']);
  });
});
