// Strings of the Assessment reports pages. assessmentsEn must have exactly the keys of assessmentsZh (i18n.test.ts).
export const assessmentsZh = {
  title: '评估报告',
};

export const assessmentsEn: { [K in keyof typeof assessmentsZh]: string } = {
  title: 'Assessment reports',
};
