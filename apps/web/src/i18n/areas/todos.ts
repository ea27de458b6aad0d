// Strings of the My to-dos pages. todosEn must have exactly the keys of todosZh (i18n.test.ts).
export const todosZh = {
  title: '我的待办',
};

export const todosEn: { [K in keyof typeof todosZh]: string } = {
  title: 'My to-dos',
};
