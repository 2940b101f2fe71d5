export const common = {
  'store.unavailable': 'El almacenamiento no está disponible en este momento, así que no se registró nada: inténtelo de nuevo en unos segundos.',
} as const;
