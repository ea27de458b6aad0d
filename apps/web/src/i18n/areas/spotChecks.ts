// Strings of the Spot checks and reviews pages. spotChecksEn must have exactly the keys of spotChecksZh (i18n.test.ts).
export const spotChecksZh = {
  title: '抽查与评审',
};

export const spotChecksEn: { [K in keyof typeof spotChecksZh]: string } = {
  title: 'Spot checks and reviews',
};
