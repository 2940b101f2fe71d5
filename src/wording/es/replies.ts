export const replies = {
  'reply.stance.set':
    '{stance, select, support {Apoya} neutral {Se mantiene neutral ante} other {Se opone a}} {code}.{commentKept, select, yes { Su comentario se mantiene.} other {}}',
  'reply.stance.cleared': 'Su postura sobre {code} se ha borrado.',
  'reply.comment.recorded': 'Su comentario sobre {code} ha quedado registrado.',
  'reply.command.duplicate': 'Este comando ya se recibió una vez (la misma solicitud llegó de nuevo), así que no se hizo nada más.',
  'reply.done': 'Hecho.',
} as const;
