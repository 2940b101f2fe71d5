export const common = {
  'store.unavailable': 'Le stockage est injoignable pour le moment, rien n’a donc été enregistré : réessayez dans quelques secondes.',
} as const;
