// Strings of the Campaigns pages. campaignsEn must have exactly the keys of campaignsZh (i18n.test.ts).
export const campaignsZh = {
  title: '达标计划',
};

export const campaignsEn: { [K in keyof typeof campaignsZh]: string } = {
  title: 'Campaigns',
};
