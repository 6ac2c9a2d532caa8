/** Invented scraped pages in several outlet styles: what must stay (body) and what must go (furniture). */
export type PageCase = {
  name: string;
  source: string;
  body: string[];
  furniture: string[];
  /** The page as scraped; built from body and furniture lines plus layout. */
  raw: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  cites: string[];
};

const harborBody = [
  'Fishermen strike over new quota rules in northern ports',
  'Hundreds of boats stayed in harbour on Monday as crews protested against catch limits',
  'Fishing crews in three northern ports refused to put to sea on Monday, the first day of a strike called by the regional fishermen’s union over new catch quotas.',
  '“We cannot feed our families on these numbers,” said Rui Matos, a trawler captain who has fished the same waters for 31 years.',
  'The union said about 400 vessels took part. AFP reported that port authorities counted fewer than 300.',
  'Ministry officials defended the quotas',
  'The fisheries ministry said the limits were needed to let cod stocks recover, and promised compensation for the lost weeks at sea.',
  '"Nobody wants to see empty nets next year either," a ministry spokesperson said.',
];
const harborFurniture = [
  'Skip to content',
  'News | Sport | Business | Opinion | Weather',
  'PORTUGAL-FISHING-STRIKE',
  'Trawlers sit idle at the quay in Vila Nova on Monday morning (Tomas Reed/AFP)',
  'By Marta Lenz',
  'Published 3 March 2024, 14:05 GMT',
  'Read more: How the new quota system was negotiated',
  'Get the Harbor Gazette morning newsletter',
  'Sign up to receive our best stories in your inbox every weekday',
  'Photo: Tomas Reed',
  'Additional reporting by Jonas Kell.',
  '© 2024 Harbor Gazette. All rights reserved.',
];

const harbor: PageCase = {
  name: 'regional paper with menu, byline, caption, newsletter and copyright',
  source: '/pages/harbor.txt',
  body: harborBody,
  furniture: harborFurniture,
  raw: [
    harborFurniture[0],
    '',
    harborFurniture[1],
    '',
    harborBody[0],
    harborBody[1],
    harborFurniture[2],
    harborFurniture[3],
    harborFurniture[4],
    harborFurniture[5],
    '',
    harborBody[2],
    '',
    harborBody[3],
    '',
    harborFurniture[6],
    '',
    harborBody[4],
    '',
    harborFurniture[7],
    harborFurniture[8],
    '',
    harborBody[5],
    '',
    harborFurniture[9],
    harborBody[6],
    '',
    harborBody[7],
    '',
    harborFurniture[10],
    harborFurniture[11],
  ].join('\n'),
  outlet: 'Harbor Gazette',
  title: harborBody[0]!,
  published: '2024-03-03T14:05:00Z',
  cites: ['AFP'],
};

const blogBody = [
  'Talks between the two neighbours resumed this week after a pause of almost a year, according to several regional reports.',
  'Details of the agenda remain thin. According to Coastline News 24:',
  'Observers said the timing, just before the harvest season, suggested that water sharing along the river would dominate the first sessions.',
  'A senior diplomat quoted by the Associated Press said the delegations had met twice already and would meet again next month.',
];
const blogFurniture = [
  '🔴 Delegations from both countries met at the border crossing, per 3 officials.',
  '🔴 Water rights expected to top the agenda pic.twitter.com/Ab12Cd34Ef',
  '— Coastline News 24 (@coastline24) June 2, 2025',
  'A negotiator told me the first session ran late into the night and ended with a joint text. https://t.co/XyZ987abc',
  '— Lena Marsh (@lenamarsh) June 3, 2025',
  'Thanks for the likes everyone! https://t.co/Qq11Ww22',
  '— Peter Holm (@peterholm) June 3, 2025',
];

const blog: PageCase = {
  name: 'aggregator page with embedded social posts',
  source: 'https://example.org/news/talks-resume',
  body: blogBody,
  furniture: blogFurniture,
  raw: [
    blogBody[0],
    blogBody[1],
    blogFurniture[0],
    blogFurniture[1],
    blogFurniture[2],
    blogBody[2],
    blogFurniture[3],
    blogFurniture[4],
    blogBody[3],
    blogFurniture[5],
    blogFurniture[6],
  ].join('\n'),
  outlet: null,
  title: null,
  published: null,
  cites: ['Coastline News 24', 'Lena Marsh', 'AP'],
};

const portalBody = [
  'Storm closes mountain passes as snow arrives early',
  'Heavy snow closed four mountain passes overnight, stranding dozens of lorries and forcing the army to open emergency shelters, the regional broadcaster Alpenfunk reported.',
  'Road crews expect to reopen the main pass by Thursday if temperatures rise as forecast.',
];
const portalFurniture = [
  'Goats rescued from flooded barn after three days (video)',
  '4518:02',
  'Why the price of heating oil keeps climbing this winter',
  '312Yesterday, 21:40',
  'Local Choir Wins National Title After Decade of Trying',
  '1,20401.12.2024, 09:15',
];

const portal: PageCase = {
  name: 'portal page with an image, a related-headline list and view counters',
  source: '/pages/portal.txt',
  body: portalBody,
  furniture: portalFurniture,
  raw: [portalBody[0], `![]() ${portalBody[1]}`, portalBody[2], '', ...portalFurniture].join('\n'),
  outlet: null,
  title: portalBody[0]!,
  published: null,
  cites: ['Alpenfunk'],
};

const ledgerBody = [
  'The city council approved the new tram line on Tuesday after a six-hour debate.',
  'Construction is due to start in spring, Reuters reported, citing two people involved in the tender.',
  'Opponents said they would challenge the decision in court. “This is not over,” said council member Ilse Brandt.',
];
const ledgerFurniture = [
  'A tram crosses the river bridge in the old town. (The Northern Ledger screenshot)',
  'Kai Ostrow contributed to this report.',
  'Does local news matter to you?',
  'Is The Northern Ledger important to you?',
  'Then we have a small favour to ask.',
  'Every week our reporters sit through the meetings nobody else covers, so that you know what is decided in your name.',
  'Please consider becoming a supporter: for as little as $4 a month you help keep our journalism free for everyone.',
  'Support us',
  'Already a supporter? Log in to hide this message',
];

const ledger: PageCase = {
  name: 'city paper with a donation appeal at the end',
  source: '/pages/ledger.txt',
  body: ledgerBody,
  furniture: ledgerFurniture,
  raw: [
    ledgerBody[0],
    '',
    ledgerFurniture[0],
    '',
    ledgerBody[1],
    '',
    ledgerBody[2],
    '',
    ledgerFurniture[1],
    '',
    '',
    ...ledgerFurniture.slice(2).flatMap((l) => [l, '']),
  ].join('\n'),
  outlet: 'The Northern Ledger',
  title: null,
  published: null,
  cites: ['Reuters'],
};

export const PAGES: PageCase[] = [harbor, blog, portal, ledger];
