export const commandReplies = {
  'done.help.list': "Comandos que puede usar:\n{lines}\nEscriba /help '<'comando'>' para ver el uso de un comando.",
  'done.priority.withdrawn': '{code} retirada; ya no cuenta en ningún lugar. Su código no se reutiliza.',
  'done.priority.edited': '{code} modificada; se conservan sus reacciones.',
  'done.priority.added': '{code} añadida para {handle}. Publíquela con /priority post {handle} (o all).',
  'done.speaker.added':
    "Orador {handle} añadido: {name}{hasDetails, select, yes { ({details})} other {}}. Añada prioridades con /priority add {handle} '<'texto'>'.",
  'done.speaker.edited': 'El orador {handle} ahora es: {name}{hasDetails, select, yes { ({details})} other {}}. Sus propuestas y reacciones se mantienen.',
  'done.speaker.removed': 'El orador {handle} ({name}) ha sido retirado de la sesión.',
  'done.iam': 'A partir de ahora cuenta como {group} en todos los resúmenes.',
  'done.screen.day': 'La página del día {date}: {url} (mantenga este enlace en privado: abre la página sin iniciar sesión).',
  'done.screen.session':
    'Pantalla de la sesión {session} «{title}»: {url} (para el proyector; mantenga el enlace en privado: abre la pantalla sin iniciar sesión).',
  'done.session.reopened': 'La sesión {session} está abierta de nuevo; se aceptan reacciones hasta /session close.',
  'post.session.reopened': 'La sesión {session} «{title}» está abierta de nuevo: las reacciones cuentan hasta que el moderador la cierre.',
  'done.session.joined': 'Este canal sigue ahora la sesión {session}; las reacciones de aquí cuentan junto con las de los demás canales vinculados.',
  'post.session.joined': 'Este canal sigue la sesión {session} «{title}».',
  'done.session.closed': 'La sesión {session} está cerrada; el resumen final se está publicando en todos los canales vinculados.',
  'done.session.started':
    "La sesión {session} está abierta aquí. Añada oradores con /speaker add '<'identificador'>' '<'nombre'>'; otros canales pueden seguirla con /session join {session}.{hidden, select, yes { Los resultados están ocultos para los participantes hasta que la cierre; usted los ve en privado con /menu o /summary.} other {}}",
  'post.session.started':
    "La sesión {session} «{title}» está abierta.{hasTheme, select, yes { Tema: «{theme}».} other {}}{hidden, select, yes { Los resultados permanecen ocultos hasta que se cierre la sesión.} other {}} Reaccione a las propuestas con /react '<'código'>' '<'postura'>', los botones o 👍 😐 👎.",
  'done.digest.posting': 'El resumen del {day} se está publicando aquí; si Slack o Discord lo rechaza, se lo diré en privado.',
  'done.summary.posting': 'El resumen se está publicando en todos los canales vinculados; si alguno lo rechaza, se lo diré en privado.',
  'done.menu.posting': 'El menú se está publicando en todos los canales vinculados; si alguno lo rechaza, se lo diré en privado.',
} as const;
