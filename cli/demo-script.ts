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
 * Leaning of each group on each proposal (P1…P13), from -1 (oppose) to +1 (support). Cyber sovereignty
 * divides governments from civil society and the technical community; incident response teams unite everyone.
 */
export const DEMO_LEANINGS: Record<string, number[]> = {
  government: [0.2, 0.5, 0.3, 0.8, 0.6, 0.5, 0.3, 0.9, 0.7, 0.8, 0.6, 0.8, 0.3],
  intergovernmental: [0.4, 0.5, 0.7, 0.9, 0.8, 0.9, 0.8, 0.2, 0.5, 0.6, 0.7, 0.7, 0.4],
  'private-sector': [0.8, 0.6, 0.4, 0.7, 0.3, 0.5, 0.6, -0.7, -0.1, 0.6, 0.5, 0.6, 0.9],
  'civil-society': [0.7, 0.3, 0.8, 0.6, 0.2, 0.6, 0.9, -0.9, -0.3, 0.1, 0.5, 0.6, 0.9],
  'technical-community': [0.9, 0.8, 0.6, 0.9, 0.4, 0.3, 0.7, -0.8, -0.2, 0.4, 0.5, 0.7, 0.8],
  academia: [0.6, 0.5, 0.7, 0.7, 0.5, 0.6, 0.6, -0.2, 0.2, 0.5, 0.8, 0.7, 0.6],
  unspecified: [0.3, 0.3, 0.3, 0.5, 0.3, 0.3, 0.3, 0.0, 0.2, 0.3, 0.3, 0.3, 0.3],
};

export const DEMO_COMMENTS = [
  'Needs funding commitments, not just words.',
  '需要具体的时间表。',
  'يجب أن يشمل هذا البلدان النامية 🌍',
  'Who verifies compliance?',
  'Bon point — à relier aux CERT régionaux.',
];
