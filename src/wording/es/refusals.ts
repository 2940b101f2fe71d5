export const refusals = {
  'refusal.text.missing': 'Falta {field}.',
  'refusal.text.control': '{field} contiene caracteres de control; escriba texto sin formato.',
  'refusal.text.too-long': '{field} es demasiado largo ({length} caracteres; como máximo {max}). Acórtelo e inténtelo de nuevo.',
  'refusal.handle.invalid': '«{raw}» no es un identificador de orador: use de 1 a 24 letras, cifras o guiones, p. ej. icann.',
  'refusal.code.invalid': '«{raw}» no es un código de propuesta: use P1, P2… (vea /menu).',
  'refusal.stance.invalid': '«{raw}» no es una postura: use {hint}.',
  'refusal.group.invalid': '«{raw}» no es un grupo de partes interesadas: use uno de estos: {groups}.',
  'refusal.line.too-long': 'Esa línea es demasiado larga ({length} caracteres; como máximo {max}). Acórtela e inténtelo de nuevo.',
  'refusal.line.control': 'Esa línea contiene caracteres de control; escriba texto sin formato.',
  'refusal.line.unbalanced-quote': 'Comilla (") sin cerrar: ciérrela, p. ej. theme:"Cyber peace", o quítela.',
  'refusal.option.twice': '{option}: aparece dos veces; indíquelo una sola vez. Uso: {usage}',
  'refusal.option.unexpected': '«{raw}» inesperado. Uso: {usage}',
  'refusal.option.invalid': '{problem}. Uso: {usage}',
  'refusal.command.unknown': 'Comando desconocido «/{raw}»: ¿quiso decir /{guess}? Escriba /help para ver la lista.',
  'refusal.command.no-subcommand': '/{group} necesita un subcomando: use /{group} {names}. Escriba /help {group} para ver el uso.',
  'refusal.command.unknown-subcommand':
    '«/{group} {raw}» desconocido: use /{group} {names}. ¿Quiso decir /{guess}? Escriba /help {group} para ver el uso.',
  'refusal.help.unknown': 'No existe /{raw}: el más parecido es /{guess}. Escriba /help para ver la lista.',
  'refusal.role.command': 'Solo {role, select, organiser {un organizador} other {un moderador}} puede usar /{command}; pídaselo a uno.',
  'refusal.role.post':
    'Solo {role, select, organiser {un organizador} other {un moderador}} puede {what}; pídaselo a uno, o use el comando sin «post».',
  'refusal.session.none-here': "Todavía no hay ninguna sesión en este canal: un moderador abre una con /session start '<'título'>'.",
  'refusal.session.closed': "La sesión {session} está cerrada; un moderador puede abrir otra con /session start '<'título'>'.",
  'refusal.session.closed-reactions': 'La sesión {session} está cerrada: ya no se aceptan reacciones.',
  'refusal.session.closed-join': 'La sesión {session} está cerrada; solo se puede seguir una sesión abierta.',
  'refusal.session.unknown': 'No existe la sesión «{raw}».',
  'refusal.session.unknown-status': 'No existe la sesión «{raw}»: use el identificador que muestra /session status, p. ej. s7k2.',
  'refusal.session.unknown-join': 'No existe la sesión «{raw}»: use el identificador que muestra /session status, p. ej. /session join s7k2.',
  'refusal.session.already-open': 'La sesión {session} ya está abierta.',
  'refusal.session.channel-busy':
    'Este canal ya tiene abierta la sesión {session} («{title}»); ciérrela primero con /session close.',
  'refusal.session.channel-busy-reopen':
    '{channel, select, here {Este canal tiene} other {El canal {channel} tiene}} abierta la sesión {session} («{title}»); ciérrela primero con /session close.',
  'refusal.session.channel-busy-join': 'Este canal ya tiene abierta la sesión {session}; ciérrela primero con /session close.',
  'refusal.session.already-followed': 'Este canal ya sigue la sesión {session}.',
  'refusal.session.unreadable': 'No se pudo leer la sesión {session}; inténtelo de nuevo.',
  'refusal.speaker.exists': 'El orador {handle} ya está en la sesión {session}; vea /speaker list.',
  'refusal.speaker.unknown':
    "No hay ningún orador «{handle}» en esta sesión: añádalo con /speaker add {handle} '<'nombre'>', o vea /speaker list.",
  'refusal.speaker.unknown-list': 'No hay ningún orador «{handle}» en esta sesión: vea /speaker list.',
  'refusal.speaker.nothing-to-change':
    "Nada que cambiar: indique name:\"…\", org:\"…\" o group:'<'grupo'>', p. ej. /speaker edit {handle} name:\"Nuevo Nombre\".",
  'refusal.speaker.has-priorities':
    '{handle} todavía tiene {codes}: {count, plural, one {retírela} many {retírelas} other {retírelas}} primero con /priority withdraw {first}.',
  'refusal.priority.limit':
    "{handle} ya tiene {count} prioridades (el límite es {limit}); retire una primero con /priority withdraw '<'código'>'.",
  'refusal.priority.unknown': 'No hay ninguna propuesta P{number} en la sesión {session}: vea /menu para los códigos.',
  'refusal.priority.none':
    "{handle, select, all {La sesión todavía no tiene} other {{handle} todavía no tiene}} prioridades: añada una con /priority add '<'identificador'> <'texto'>'.",
  'refusal.reaction.nothing-to-clear': 'No tiene ninguna reacción sobre {code} que borrar.',
  'refusal.store.unavailable': 'El almacenamiento no está disponible en este momento, así que no se registró nada: inténtelo de nuevo en unos segundos.',
  'refusal.store.outcome-unknown':
    'El almacenamiento dejó de responder después de recibir su comando, así que puede que se haya registrado o no: compruébelo con /session status o /menu antes de volver a intentarlo.',
  'refusal.store.replaced':
    'El archivo de base de datos del bot se eliminó o se reemplazó mientras funcionaba, así que no se registró nada: pida al operador que reinicie plenary.',
  'refusal.posts.unqueued': 'Hecho, pero sus mensajes no pudieron ponerse en cola: inténtelo de nuevo en un momento.',
  'refusal.comment.closed': '{code} ya no admite comentarios ({state}).',
  'refusal.proposal.gone': 'Esa propuesta ya no existe.',
  'refusal.form.out-of-date': 'Este formulario está desactualizado: vuelva a hacer clic en Comentar.',
  'refusal.form.field-missing': 'Este formulario está desactualizado (le falta el campo de comentario): vuelva a hacer clic en Comentar.',
  'refusal.form.foreign': "Este formulario no es de plenary; use /react '<'código'> <'postura'> <'comentario'>.",
  'refusal.button.foreign': "Este botón no es (o ya no es) de plenary; use /react '<'código'> <'postura'>.",
  'refusal.slack.malformed': 'Esta solicitud de Slack llegó incompleta, así que no se hizo nada: vuelva a intentar el comando.',
  'refusal.discord.incomplete': 'Esta interacción llegó incompleta, así que no se hizo nada: inténtelo de nuevo.',
  'refusal.discord.unknown-command': 'Comando desconocido /{raw}: ejecute «plenary discord register» para actualizar los comandos.',
  'refusal.discord.option-type': '/{command} recibió una opción de un tipo incorrecto: ejecute «plenary discord register» para actualizar los comandos.',
  'refusal.internal': 'Algo falló por nuestra parte y no se confirmó nada: inténtelo de nuevo en un momento.',
} as const;
