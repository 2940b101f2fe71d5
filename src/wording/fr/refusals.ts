export const refusals = {
  'refusal.text.missing': '{field} manque.',
  'refusal.text.control': '{field} contient des caractères de contrôle ; saisissez du texte simple.',
  'refusal.text.too-long': '{field} est trop long ({length} caractères ; au plus {max}). Raccourcissez-le et réessayez.',
  'refusal.handle.invalid': '« {raw} » n’est pas un identifiant d’intervenant : utilisez 1 à 24 lettres, chiffres ou tirets, p. ex. icann.',
  'refusal.code.invalid': '« {raw} » n’est pas un code de proposition : utilisez P1, P2… (voir /menu).',
  'refusal.stance.invalid': '« {raw} » n’est pas une position : utilisez {hint}.',
  'refusal.group.invalid': '« {raw} » n’est pas un groupe de parties prenantes : utilisez l’un de ceux-ci : {groups}.',
  'refusal.line.too-long': 'Cette ligne est trop longue ({length} caractères ; au plus {max}). Raccourcissez-la et réessayez.',
  'refusal.line.control': 'Cette ligne contient des caractères de contrôle ; saisissez du texte simple.',
  'refusal.line.unbalanced-quote': 'Guillemet (") non fermé : fermez-le, p. ex. theme:"Cyber peace", ou supprimez-le.',
  'refusal.option.twice': '{option}: est donné deux fois ; donnez-le une seule fois. Usage : {usage}',
  'refusal.option.unexpected': '« {raw} » inattendu. Usage : {usage}',
  'refusal.option.invalid': '{problem}. Usage : {usage}',
  'refusal.command.unknown': 'Commande inconnue « /{raw} » : vouliez-vous dire /{guess} ? Tapez /help pour la liste.',
  'refusal.command.no-subcommand': '/{group} demande une sous-commande : utilisez /{group} {names}. Tapez /help {group} pour l’usage.',
  'refusal.command.unknown-subcommand':
    '« /{group} {raw} » inconnu : utilisez /{group} {names}. Vouliez-vous dire /{guess} ? Tapez /help {group} pour l’usage.',
  'refusal.help.unknown': 'Il n’y a pas de /{raw} : la plus proche est /{guess}. Tapez /help pour la liste.',
  'refusal.role.command': 'Seul {role, select, organiser {un organisateur} other {un modérateur}} peut utiliser /{command} ; demandez-le-lui.',
  'refusal.role.post':
    'Seul {role, select, organiser {un organisateur} other {un modérateur}} peut {what} ; demandez-le-lui, ou utilisez la commande sans « post ».',
  'refusal.session.none-here': "Aucune séance dans ce canal pour l’instant : un modérateur en ouvre une avec /session start '<'titre'>'.",
  'refusal.session.closed': "La séance {session} est close ; un modérateur peut en ouvrir une nouvelle avec /session start '<'titre'>'.",
  'refusal.session.closed-reactions': 'La séance {session} est close : les réactions ne sont plus acceptées.',
  'refusal.session.closed-join': 'La séance {session} est close ; seules les séances ouvertes peuvent être suivies.',
  'refusal.session.unknown': 'Aucune séance « {raw} ».',
  'refusal.session.unknown-status': 'Aucune séance « {raw} » : utilisez l’identifiant affiché par /session status, p. ex. s7k2.',
  'refusal.session.unknown-join': 'Aucune séance « {raw} » : utilisez l’identifiant affiché par /session status, p. ex. /session join s7k2.',
  'refusal.session.already-open': 'La séance {session} est déjà ouverte.',
  'refusal.session.channel-busy':
    'Ce canal a déjà la séance ouverte {session} (« {title} ») ; fermez-la d’abord avec /session close.',
  'refusal.session.channel-busy-reopen':
    '{channel, select, here {Ce canal a} other {Le canal {channel} a}} la séance ouverte {session} (« {title} ») ; fermez-la d’abord avec /session close.',
  'refusal.session.channel-busy-join': 'Ce canal a déjà la séance ouverte {session} ; fermez-la d’abord avec /session close.',
  'refusal.session.already-followed': 'Ce canal suit déjà la séance {session}.',
  'refusal.session.unreadable': 'La séance {session} n’a pas pu être lue ; réessayez.',
  'refusal.speaker.exists': 'L’intervenant {handle} figure déjà dans la séance {session} ; voir /speaker list.',
  'refusal.speaker.unknown':
    "Aucun intervenant « {handle} » dans cette séance : ajoutez-le avec /speaker add {handle} '<'nom'>', ou voir /speaker list.",
  'refusal.speaker.unknown-list': 'Aucun intervenant « {handle} » dans cette séance : voir /speaker list.',
  'refusal.speaker.nothing-to-change':
    "Rien à modifier : donnez name:\"…\", org:\"…\" ou group:'<'groupe'>', p. ex. /speaker edit {handle} name:\"Nouveau Nom\".",
  'refusal.speaker.has-priorities':
    '{handle} a encore {codes} : {count, plural, one {retirez-la} many {retirez-les} other {retirez-les}} d’abord avec /priority withdraw {first}.',
  'refusal.priority.limit':
    "{handle} a déjà {count} priorités (la limite est de {limit}) ; retirez-en une d’abord avec /priority withdraw '<'code'>'.",
  'refusal.priority.unknown': 'Aucune proposition P{number} dans la séance {session} : voir /menu pour les codes.',
  'refusal.priority.none':
    "{handle, select, all {La séance n’a} other {{handle} n’a}} encore aucune priorité : ajoutez-en une avec /priority add '<'identifiant'> <'texte'>'.",
  'refusal.reaction.nothing-to-clear': 'Vous n’avez aucune réaction à effacer sur {code}.',
  'refusal.store.unavailable': 'Le stockage est injoignable pour le moment, rien n’a donc été enregistré : réessayez dans quelques secondes.',
  'refusal.store.outcome-unknown':
    'Le stockage a cessé de répondre après avoir reçu votre commande, elle est donc peut-être enregistrée ou non : vérifiez avec /session status ou /menu avant de réessayer.',
  'refusal.store.replaced':
    'Le fichier de base de données du bot a été supprimé ou remplacé pendant son fonctionnement, rien n’a donc été enregistré : demandez à l’opérateur de redémarrer plenary.',
  'refusal.posts.unqueued': 'C’est fait, mais ses messages n’ont pas pu être mis en file d’attente : réessayez dans un instant.',
  'refusal.comment.closed': '{code} n’accepte plus de commentaires ({state}).',
  'refusal.proposal.gone': 'Cette proposition n’existe plus.',
  'refusal.form.out-of-date': 'Ce formulaire n’est plus à jour : cliquez de nouveau sur Commenter.',
  'refusal.form.field-missing': 'Ce formulaire n’est plus à jour (son champ de commentaire manque) : cliquez de nouveau sur Commenter.',
  'refusal.form.foreign': "Ce formulaire n’est pas un formulaire de plenary ; utilisez /react '<'code'> <'position'> <'commentaire'>.",
  'refusal.button.foreign': "Ce bouton n’est pas (ou plus) un bouton de plenary ; utilisez /react '<'code'> <'position'>.",
  'refusal.slack.malformed': 'Cette requête de Slack était incomplète, rien n’a donc été fait : relancez la commande.',
  'refusal.discord.incomplete': 'Cette interaction est arrivée incomplète, rien n’a donc été fait : réessayez.',
  'refusal.discord.unknown-command': 'Commande inconnue /{raw} : lancez « plenary discord register » pour actualiser les commandes.',
  'refusal.discord.option-type': '/{command} a reçu une option du mauvais type : lancez « plenary discord register » pour actualiser les commandes.',
  'refusal.internal': 'Une erreur s’est produite de notre côté et rien n’a été confirmé : réessayez dans un instant.',
} as const;
