export const forgetme = {
  'forgetme.done':
    'Oublié : {reactions, plural, one {# réaction} many {# réactions} other {# réactions}} et les commentaires{group, select, yes {, ainsi que votre groupe de parties prenantes} other {}}{language, select, yes {, ainsi que votre choix de langue} other {}}.',
  'forgetme.not-scrubbed':
    'Un autre lecteur détient encore d’anciennes copies dans le journal d’écriture anticipée de la base de données ; elles sont effacées dès qu’il les libère.',
} as const;
