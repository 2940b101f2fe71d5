/**
 * The seed's panel (Session III of the UN Cybersecurity Conference, Beijing, July 2016): the moderator asks
 * ICANN, ITU, UN DESA, China and Japan for two or three top priorities each on international cooperation in
 * cyberspace, then gathers the audience's reactions. The priorities are written for the demo from the
 * stakeholders' public positions of the time; they are not quotations.
 */
export const DEMO_MODERATOR = 'stauffacher';

export const DEMO_SPEAKERS = [
  {
    handle: 'icann', name: 'ICANN representative', org: 'ICANN', group: 'technical-community',
    priorities: [
      'Keep the Internet’s unique identifiers (names, numbers, protocol parameters) coordinated globally through the multistakeholder model, so the network does not fragment.',
      'Build cross-border cooperation between registries, registrars, CERTs and law enforcement against DNS abuse.',
      'Fund the participation of developing countries in technical policy-making (fellowships, remote hubs).',
    ],
  },
  {
    handle: 'itu', name: 'ITU representative', org: 'International Telecommunication Union', group: 'intergovernmental',
    priorities: [
      'Help every country set up and staff a national computer incident response team, linked regionally.',
      'Use the Global Cybersecurity Index to measure progress and target capacity building where it is weakest.',
    ],
  },
  {
    handle: 'undesa', name: 'UN DESA representative', org: 'UN Department of Economic and Social Affairs', group: 'intergovernmental',
    priorities: [
      'Tie cybersecurity to the 2030 Agenda: trust in ICT is a condition of sustainable development.',
      'Use the Internet Governance Forum to bring every stakeholder into the dialogue on norms in cyberspace.',
    ],
  },
  {
    handle: 'china', name: 'Delegate of China', org: 'Government of China', group: 'government',
    priorities: [
      'Respect cyber sovereignty: each state’s right to choose its own path of Internet development and governance.',
      'Negotiate an international code of conduct for information security within the United Nations.',
      'Cooperate against cybercrime and cyber-terrorism through mutual legal assistance.',
    ],
  },
  {
    handle: 'japan', name: 'Delegate of Japan', org: 'Government of Japan', group: 'government',
    priorities: [
      'Apply existing international law, including the UN Charter, to state conduct in cyberspace and implement the GGE’s voluntary norms.',
      'Adopt confidence-building measures: points of contact and information sharing between states to prevent escalation.',
      'Protect the free flow of information across borders.',
    ],
  },
] as const;

/** How many of the audience come from each group (the last two never declare one). */
export const DEMO_AUDIENCE: Array<[group: string | null, count: number]> = [
  ['government', 12], ['intergovernmental', 6], ['private-sector', 8], ['civil-society', 10],
  ['technical-community', 8], ['academia', 4], [null, 2],
];

/**
 * Leaning of each group on each proposal (P1…P13), from -1 (oppose) to +1 (support), from the positions
 * these communities took at the time. Cyber sovereignty (P8) and a UN code of conduct (P9) divide governments
 * from civil society, business and the technical community; national incident response teams (P4) unite
 * everyone; a cybersecurity ranking (P5) and cross-border legal assistance (P10) draw rights-minded opposition;
 * free flow of information (P13) is opposed by the governments that back sovereignty.
 */
export const DEMO_LEANINGS: Record<string, number[]> = {
  //                  P1    P2   P3   P4   P5    P6   P7   P8    P9    P10   P11  P12  P13
  government:        [-0.1, 0.5, 0.3, 0.9, 0.6, 0.5, -0.3, 0.9, 0.8, 0.8, -0.2, 0.7, -0.3],
  intergovernmental: [0.3, 0.5, 0.7, 0.9, 0.8, 0.9, 0.8, 0.1, 0.4, 0.5, 0.7, 0.7, 0.3],
  'private-sector':  [0.8, 0.6, 0.3, 0.8, -0.3, -0.1, 0.5, -0.8, -0.6, 0.4, 0.5, 0.6, 0.9],
  'civil-society':   [0.6, -0.2, 0.8, 0.7, -0.4, 0.6, 0.9, -0.9, -0.8, -0.5, 0.5, 0.5, 0.9],
  'technical-community': [0.9, 0.8, 0.6, 0.9, 0.0, 0.2, 0.7, -0.9, -0.7, 0.2, 0.4, 0.7, 0.8],
  academia:          [0.5, 0.4, 0.7, 0.8, 0.1, 0.6, 0.6, -0.4, -0.2, 0.2, 0.8, 0.7, 0.6],
  unspecified:       [0.3, 0.3, 0.3, 0.6, 0.1, 0.3, 0.3, 0.0, 0.0, 0.2, 0.3, 0.3, 0.3],
};

/**
 * Governments do not vote as one bloc: those of the sovereignty camp back P8/P9 and oppose P13, the others
 * the reverse (and they are warier of the IGF shaping norms, P7, and of applying existing law, P11). This share of the government audience is in the sovereignty camp.
 */
export const SOVEREIGNTY_CAMP = 0.75;
export const CAMP_SWING: Record<number, number> = { 1: 0.6, 7: 0.9, 8: -1.6, 9: -1.2, 11: 1.0, 13: 1.3 };

/** The languages a participant of each group plausibly writes in at a UN meeting in Beijing, most likely first. */
export const GROUP_LANGUAGES: Record<string, string[]> = {
  government: ['zh', 'en', 'ru', 'ar', 'fr', 'es'],
  intergovernmental: ['en', 'fr', 'es'],
  'private-sector': ['en', 'zh'],
  'civil-society': ['en', 'es', 'fr', 'ar'],
  'technical-community': ['en', 'zh'],
  academia: ['en', 'zh', 'fr'],
  unspecified: ['en', 'zh'],
};

type Said = Partial<Record<'en' | 'zh' | 'fr' | 'es' | 'ru' | 'ar', string>>;
/** What people say about each proposal, by stance, in several languages (written for the demo). */
export const DEMO_COMMENTS: Record<number, { support: Said; neutral?: Said; oppose: Said }> = {
  1: {
    support: { en: 'One root, one Internet: fragmentation would hurt everyone.', zh: '统一的标识符体系对全球互联互通很重要。', es: 'Un solo Internet, sin fragmentación: totalmente de acuerdo.' },
    oppose: { en: 'ICANN still answers to one jurisdiction; that is not global coordination.', zh: '互联网关键资源的管理应当更加国际化，由各国政府共同参与。', ru: 'Управление ресурсами интернета должно быть межгосударственным.' },
  },
  2: {
    support: { en: 'Registrars and CERTs need a real channel to each other, not just email.', fr: 'Indispensable : les abus DNS traversent les frontières en quelques minutes.' },
    neutral: { en: 'Useful, but who pays for the 24/7 contact points?' },
    oppose: { en: 'Law enforcement access to registrant data needs safeguards first.', es: 'Sin garantías de privacidad, esto abre la puerta a la vigilancia.' },
  },
  3: {
    support: { en: 'Remote hubs made our participation possible last year.', es: 'Sin becas, el Sur global no tiene voz en estas discusiones.', ar: 'مشاركة الدول النامية ضرورية لصنع سياسات عادلة.', fr: 'Oui, et avec une interprétation dans les langues de l’ONU.' },
    oppose: { en: 'Fellowships alone do not change who sets the agenda.' },
  },
  4: {
    support: { en: 'Every country needs a CERT that can pick up the phone at 3 am.', zh: '建立国家级应急响应机构是合作的基础。', fr: 'Oui — et les relier aux CERT régionaux, comme en Afrique de l’Ouest.', ar: 'نحتاج إلى فرق استجابة وطنية مدربة في كل بلد.', ru: 'Национальные CERT — основа любого сотрудничества.', es: 'Un CSIRT nacional por país, con personal formado: básico.' },
    oppose: { en: 'Staffing is the problem, not setting them up; this repeats old promises.' },
  },
  5: {
    support: { en: 'You cannot target capacity building without measuring it.', zh: '指数有助于找出薄弱环节。' },
    oppose: { en: 'Rankings reward paperwork, not security.', es: 'Los índices castigan a los países pobres sin ayudarles.', fr: 'Un classement de plus, qui mesure des lois votées plutôt que la sécurité réelle.' },
  },
  6: {
    support: { en: 'Security is a development issue: no e-payments without trust.', fr: 'Le lien avec l’Agenda 2030 est essentiel pour mobiliser les financements.', ar: 'لا تنمية مستدامة بدون ثقة في التكنولوجيا.' },
    neutral: { en: 'True, but what changes in practice?' },
    oppose: { en: 'Too broad to act on; it dilutes the security discussion.' },
  },
  7: {
    support: { en: 'The IGF is the only place where civil society sits at the same table.', es: 'El IGF debe tener más peso en la discusión de normas.', fr: 'Le FGI doit pouvoir formuler des recommandations.' },
    oppose: { en: 'Norms are negotiated by states; the IGF has no mandate for that.', zh: '行为规范应由各国在联合国框架内协商。' },
  },
  8: {
    support: { zh: '尊重网络主权是开展国际合作的前提。', en: 'Each state must be free to govern its own networks.', ru: 'Суверенитет в информационном пространстве — основа стабильности.', ar: 'لكل دولة الحق في إدارة فضائها الإلكتروني.' },
    oppose: { en: 'Sovereignty is too often the word used to justify censorship.', es: 'La soberanía digital no puede justificar cortes de Internet.', fr: 'La souveraineté ne doit pas servir à fragmenter le réseau.', zh: '强调主权可能导致互联网的分裂。' },
  },
  9: {
    support: { zh: '在联合国框架内制定行为准则，各国都能参与。', ru: 'Нужен юридически обязывающий документ в рамках ООН.', en: 'A code agreed at the UN would bind everyone equally.' },
    oppose: { en: 'A state-only code leaves out those who run the networks.', es: 'Un código entre Estados, sin la sociedad civil, no es legítimo.', fr: 'Le texte proposé en 2015 restreint la liberté d’expression.' },
  },
  10: {
    support: { en: 'Mutual legal assistance takes months; criminals move in seconds.', zh: '打击网络犯罪需要高效的司法协助。', ru: 'Без правовой помощи расследования останавливаются на границе.' },
    neutral: { en: 'Depends entirely on the human rights safeguards.' },
    oppose: { en: '“Cyber-terrorism” is defined so loosely it could cover journalists.', es: 'Sin definición clara, esto se usará contra activistas.' },
  },
  11: {
    support: { en: 'The 2015 GGE norms are there; implement them before inventing new ones.', fr: 'Le droit international s’applique déjà, il faut le mettre en œuvre.' },
    oppose: { zh: '现有国际法不能完全适用于网络空间，需要新的规则。', ru: 'Применение права вооружённых конфликтов ведёт к милитаризации киберпространства.' },
  },
  12: {
    support: { en: 'A hotline between capitals could stop an incident becoming a crisis.', zh: '建立联络点有助于防止误判。', ar: 'تبادل المعلومات بين الدول يقلل من خطر التصعيد.' },
    oppose: { en: 'Confidence-building without transparency about offensive capabilities is theatre.' },
  },
  13: {
    support: { en: 'Cross-border data flows are what made the Internet useful.', es: 'La libre circulación de la información es un derecho humano.', fr: 'Sans libre circulation des données, pas d’économie numérique.' },
    oppose: { zh: '信息自由流动必须以尊重各国法律为前提。', ru: 'Свободный поток информации не должен подрывать безопасность государств.' },
  },
};
