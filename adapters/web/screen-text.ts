/** Every word the screen writes, in the six UN languages. Participants' own text is never translated. */
export const SCREEN_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type ScreenLanguage = (typeof SCREEN_LANGUAGES)[number];

export interface ScreenWords {
  live: string;
  closed: string;
  finalSummary: string;
  theme: string;
  menu: string;
  support: string;
  neutral: string;
  oppose: string;
  reactors: string;
  participants: string;
  consensus: string;
  divisive: string;
  bridging: string;
  byGroup: string;
  comments: string;
  noProposals: string;
  noComments: string;
  hidden: string;
  reconnecting: string;
  connected: string;
  dayTitle: string;
  downloads: string;
  sessions: string;
  notFound: string;
}

const WORDS: Record<ScreenLanguage, ScreenWords> = {
  en: {
    live: 'Live', closed: 'Closed', finalSummary: 'Final summary', theme: 'Theme', menu: 'Proposals, ranked by support',
    support: 'support', neutral: 'neutral', oppose: 'oppose', reactors: 'reactions', participants: 'participants',
    consensus: 'consensus', divisive: 'divisive', bridging: 'bridging', byGroup: 'By stakeholder group',
    comments: 'Latest comments', noProposals: 'No proposals yet.', noComments: 'No comments yet.',
    hidden: 'Results are hidden until the session closes.', reconnecting: 'Reconnecting…', connected: 'Live updates on',
    dayTitle: 'Sessions of', downloads: 'Download the digest', sessions: 'sessions', notFound: 'Not found',
  },
  fr: {
    live: 'En direct', closed: 'Terminée', finalSummary: 'Synthèse finale', theme: 'Thème', menu: 'Propositions, classées par soutien',
    support: 'pour', neutral: 'neutre', oppose: 'contre', reactors: 'réactions', participants: 'participants',
    consensus: 'consensus', divisive: 'clivante', bridging: 'rassembleuse', byGroup: 'Par groupe de parties prenantes',
    comments: 'Derniers commentaires', noProposals: 'Aucune proposition pour l’instant.', noComments: 'Aucun commentaire pour l’instant.',
    hidden: 'Les résultats restent masqués jusqu’à la fin de la séance.', reconnecting: 'Reconnexion…', connected: 'Mises à jour en direct',
    dayTitle: 'Séances du', downloads: 'Télécharger la synthèse du jour', sessions: 'séances', notFound: 'Introuvable',
  },
  es: {
    live: 'En directo', closed: 'Cerrada', finalSummary: 'Resumen final', theme: 'Tema', menu: 'Propuestas, ordenadas por apoyo',
    support: 'a favor', neutral: 'neutral', oppose: 'en contra', reactors: 'reacciones', participants: 'participantes',
    consensus: 'consenso', divisive: 'divisiva', bridging: 'puente', byGroup: 'Por grupo de interés',
    comments: 'Últimos comentarios', noProposals: 'Aún no hay propuestas.', noComments: 'Aún no hay comentarios.',
    hidden: 'Los resultados están ocultos hasta que se cierre la sesión.', reconnecting: 'Reconectando…', connected: 'Actualizaciones en directo',
    dayTitle: 'Sesiones del', downloads: 'Descargar el resumen del día', sessions: 'sesiones', notFound: 'No encontrado',
  },
  ru: {
    live: 'В эфире', closed: 'Завершена', finalSummary: 'Итоговая сводка', theme: 'Тема', menu: 'Предложения по уровню поддержки',
    support: 'за', neutral: 'нейтрально', oppose: 'против', reactors: 'реакций', participants: 'участников',
    consensus: 'консенсус', divisive: 'разделяет', bridging: 'объединяет', byGroup: 'По группам заинтересованных сторон',
    comments: 'Последние комментарии', noProposals: 'Предложений пока нет.', noComments: 'Комментариев пока нет.',
    hidden: 'Результаты скрыты до закрытия сессии.', reconnecting: 'Переподключение…', connected: 'Обновления в реальном времени',
    dayTitle: 'Сессии дня', downloads: 'Скачать сводку дня', sessions: 'сессий', notFound: 'Не найдено',
  },
  zh: {
    live: '直播中', closed: '已结束', finalSummary: '最终总结', theme: '主题', menu: '提案（按支持度排序）',
    support: '支持', neutral: '中立', oppose: '反对', reactors: '反应', participants: '参与者',
    consensus: '共识', divisive: '分歧', bridging: '桥梁', byGroup: '按利益相关方群体',
    comments: '最新评论', noProposals: '暂无提案。', noComments: '暂无评论。',
    hidden: '结果在会议结束前保持隐藏。', reconnecting: '正在重新连接…', connected: '实时更新',
    dayTitle: '当日会议', downloads: '下载当日摘要', sessions: '场会议', notFound: '未找到',
  },
  ar: {
    live: 'مباشر', closed: 'مغلقة', finalSummary: 'الملخص النهائي', theme: 'الموضوع', menu: 'المقترحات مرتبة حسب التأييد',
    support: 'تأييد', neutral: 'محايد', oppose: 'معارضة', reactors: 'تفاعلات', participants: 'مشاركون',
    consensus: 'توافق', divisive: 'خلافي', bridging: 'جامع', byGroup: 'حسب مجموعة أصحاب المصلحة',
    comments: 'أحدث التعليقات', noProposals: 'لا توجد مقترحات بعد.', noComments: 'لا توجد تعليقات بعد.',
    hidden: 'النتائج مخفية حتى تُغلق الجلسة.', reconnecting: 'جارٍ إعادة الاتصال…', connected: 'تحديثات مباشرة',
    dayTitle: 'جلسات يوم', downloads: 'تنزيل ملخص اليوم', sessions: 'جلسات', notFound: 'غير موجود',
  },
};

/** The conference language (config `conference.language`, read defensively: older configs lack it). */
export function screenLanguage(conference: unknown): ScreenLanguage {
  const language = (conference as { language?: unknown } | undefined)?.language;
  return SCREEN_LANGUAGES.includes(language as ScreenLanguage) ? (language as ScreenLanguage) : 'en';
}

export const wordsFor = (language: ScreenLanguage): ScreenWords => WORDS[language];
export const directionOf = (language: ScreenLanguage) => (language === 'ar' ? 'rtl' : 'ltr');
