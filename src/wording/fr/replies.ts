export const replies = {
  'reply.stance.set':
    '{stance, select, support {Vous soutenez} neutral {Vous êtes neutre sur} other {Vous vous opposez à}} {code}.{commentKept, select, yes { Votre commentaire est conservé.} other {}}',
  'reply.stance.cleared': 'Votre position sur {code} est effacée.',
  'reply.comment.recorded': 'Votre commentaire sur {code} est enregistré.',
  'reply.command.duplicate': 'Cette commande a déjà été reçue une fois (la même requête est arrivée de nouveau), rien de plus n’a donc été fait.',
  'reply.done': 'C’est fait.',
} as const;
