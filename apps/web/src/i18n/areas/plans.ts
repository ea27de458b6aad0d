// Strings of the Plans and notices pages. plansEn must have exactly the keys of plansZh (i18n.test.ts).
export const plansZh = {
  title: '一企一策与限期整改',
};

export const plansEn: { [K in keyof typeof plansZh]: string } = {
  title: 'Plans and notices',
};
