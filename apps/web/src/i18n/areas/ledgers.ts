// Strings of the Ledgers and sign-off pages. ledgersEn must have exactly the keys of ledgersZh (i18n.test.ts).
export const ledgersZh = {
  title: '台账与销号',
};

export const ledgersEn: { [K in keyof typeof ledgersZh]: string } = {
  title: 'Ledgers and sign-off',
};
