export const common = {
  'store.unavailable': '存储暂时无法访问，因此未记录任何内容：请几秒钟后重试。',
} as const;
