/** Words every area uses. */
export const common = {
  'store.unavailable': 'The store is unreachable right now, so nothing was recorded: try again in a few seconds.',
} as const;
