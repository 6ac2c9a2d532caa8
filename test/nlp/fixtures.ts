/** Invented articles on one invented event, written for these tests. */

export const wireArticle = {
  title: 'Morocco and Algeria hold talks on border crossings in Geneva',
  outlet: 'Example Wire',
  cites: ['Reuters'],
  text: [
    'Morocco and Algeria held direct talks in Geneva on Tuesday aimed at reopening crossings along their shared border, Reuters reported, citing three officials.',
    'The Algerian side was led by Karim al-Haddad, a senior Algerian security official, who met Moroccan Foreign Minister Youssef bin Tahar at a lakeside hotel.',
    'UN envoy Pieter van der Berg, who chaired the meeting, said both delegations had agreed to meet again next month.',
    'Haddad told reporters the talks were "frank and useful".',
    'Spanish diplomat María de la Fuente, who observed the talks, said progress was possible. De la Fuente added that a second round could take place in Rabat.',
    "Algeria's interim president, Ahmad al-Nouri, has said he wants calm on the frontier.",
    "Morocco's foreign ministry declined to comment on the meeting.",
    'Farmers in the border town of Oujda have waited years for the crossings to reopen.',
  ].join('\n\n'),
};

export const secondArticle = {
  title: 'Algerian and Moroccan officials meet in Switzerland',
  outlet: 'Daily Example',
  cites: [],
  text: [
    'Officials from Algeria and Morocco met in Geneva this week, the first such meeting in years.',
    'Algerian President Ahmed al-Nouri approved the talks last month, according to two people familiar with the matter.',
    'The delegation was headed by Karim al-Haddad, the governor of Tlemcen province.',
    'Haddad and his Moroccan counterpart discussed the border crossings, while UN envoy Pieter van der Berg urged both sides to keep talking.',
    'Nouri is expected to travel to Rabat later this year.',
    'Back in 1994, then-minister Samir Belkacem closed the crossings after an attack in Marrakesh.',
  ].join('\n\n'),
};

export const spanishArticle = {
  title: 'Conversaciones en Ginebra',
  outlet: 'Diario Ejemplo',
  cites: [],
  text: [
    'Los representantes de Marruecos y Argelia se reunieron el martes en Ginebra para hablar de la frontera común.',
    'Según fuentes diplomáticas, las conversaciones fueron largas pero cordiales y continuarán el próximo mes en la capital marroquí.',
    'El enviado de las Naciones Unidas dijo que ambas partes habían mostrado una voluntad clara de avanzar en los próximos meses.',
  ].join('\n\n'),
};

export const shortArticle = { title: null, outlet: null, cites: [], text: 'Talks resumed.' };

export const weatherArticle = {
  title: 'Heavy rain floods parts of Kenya',
  outlet: null,
  cites: [],
  text: [
    'Heavy rain flooded parts of western Kenya on Tuesday, cutting roads and forcing hundreds of families from their homes.',
    'Rivers burst their banks near Kisumu, and more rain is expected later in the week.',
  ].join('\n\n'),
};
