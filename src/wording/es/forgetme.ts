export const forgetme = {
  'forgetme.done':
    'Olvidado: {reactions, plural, one {# reacción} many {# reacciones} other {# reacciones}} y los comentarios{group, select, yes {, y su grupo de partes interesadas} other {}}{language, select, yes {, y su elección de idioma} other {}}.',
  'forgetme.not-scrubbed':
    'Otro lector aún conserva copias antiguas en el registro de escritura anticipada de la base de datos; se borran en cuanto las libere.',
} as const;
