export const commandReplies = {
  'done.help.list': "Commandes que vous pouvez utiliser :\n{lines}\nTapez /help '<'commande'>' pour l’usage d’une commande.",
  'done.priority.withdrawn': '{code} est retirée ; elle ne compte plus nulle part. Son code n’est pas réutilisé.',
  'done.priority.edited': '{code} est modifiée ; ses réactions sont conservées.',
  'done.priority.added': '{code} ajoutée pour {handle}. Publiez-la avec /priority post {handle} (ou all).',
  'done.speaker.added':
    "Intervenant {handle} ajouté : {name}{hasDetails, select, yes { ({details})} other {}}. Ajoutez des priorités avec /priority add {handle} '<'texte'>'.",
  'done.speaker.edited': 'L’intervenant {handle} est désormais : {name}{hasDetails, select, yes { ({details})} other {}}. Ses propositions et réactions restent.',
  'done.speaker.removed': 'L’intervenant {handle} ({name}) est retiré de la séance.',
  'done.iam': 'Vous comptez désormais dans le groupe {group} dans toutes les synthèses.',
  'done.screen.day': 'La page du jour {date} : {url} (gardez ce lien privé : il ouvre la page sans connexion).',
  'done.screen.session':
    'Écran de la séance {session} « {title} » : {url} (à projeter ; gardez ce lien privé : il ouvre l’écran sans connexion).',
  'done.session.reopened': 'La séance {session} est rouverte ; les réactions sont acceptées jusqu’à /session close.',
  'post.session.reopened': 'La séance {session} « {title} » est rouverte : les réactions comptent jusqu’à ce que le modérateur la close.',
  'done.session.joined': 'Ce canal suit désormais la séance {session} ; les réactions ici comptent avec celles de tous les autres canaux liés.',
  'post.session.joined': 'Ce canal suit la séance {session} « {title} ».',
  'done.session.closed': 'La séance {session} est close ; la synthèse finale est en cours de publication dans tous les canaux liés.',
  'done.session.started':
    "La séance {session} est ouverte ici. Ajoutez des intervenants avec /speaker add '<'identifiant'>' '<'nom'>' ; d’autres canaux peuvent la suivre avec /session join {session}.{hidden, select, yes { Les résultats sont masqués aux participants jusqu’à la clôture ; vous les voyez en privé avec /menu ou /summary.} other {}}",
  'post.session.started':
    "La séance {session} « {title} » est ouverte.{hasTheme, select, yes { Thème : « {theme} ».} other {}}{hidden, select, yes { Les résultats restent masqués jusqu’à la clôture de la séance.} other {}} Réagissez aux propositions avec /react '<'code'>' '<'position'>', les boutons ou 👍 😐 👎.",
  'done.digest.posting': 'La synthèse du {day} est en cours de publication ici ; si Slack ou Discord la refuse, je vous le dis en privé.',
  'done.summary.posting': 'La synthèse est en cours de publication dans tous les canaux liés ; si l’un d’eux la refuse, je vous le dis en privé.',
  'done.menu.posting': 'Le menu est en cours de publication dans tous les canaux liés ; si l’un d’eux le refuse, je vous le dis en privé.',
} as const;
