import type { overviewEn } from './overview.en.ts';

/** 概览页面的简体中文文本。 */
export const overviewZhCN: typeof overviewEn = {
  loadFailed: '无法加载概览：{{message}}',
};
