// Strings of the Periodic reports pages. reportsEn must have exactly the keys of reportsZh (i18n.test.ts).
export const reportsZh = {
  title: '定期报送',
};

export const reportsEn: { [K in keyof typeof reportsZh]: string } = {
  title: 'Periodic reports',
};
