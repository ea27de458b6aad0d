// Strings of the Self-check forms pages. selfChecksEn must have exactly the keys of selfChecksZh (i18n.test.ts).
export const selfChecksZh = {
  title: '自查表',
};

export const selfChecksEn: { [K in keyof typeof selfChecksZh]: string } = {
  title: 'Self-check forms',
};
