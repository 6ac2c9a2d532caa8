import type { ArticleInput, Mention } from '../../src/types.ts';

/**
 * Invented articles (no real event, place or person): a wildfire near Brennick reported by several
 * outlets, a wire report reposted twice, an unrelated rate decision the same day, a hearing on the fire
 * three weeks later in another city, and a snow closure that names no one.
 */
export type FixtureArticle = { input: ArticleInput; mentions: Mention[] };

const person = (name: string, count = 1, role: string | null = null): Mention => ({
  name,
  kind: 'person',
  role,
  country: null,
  count,
});
const org = (name: string, count = 1): Mention => ({ name, kind: 'org', role: null, country: null, count });
const place = (name: string, count = 1, country: string | null = 'Norland'): Mention => ({
  name,
  kind: 'place',
  role: null,
  country,
  count,
});

function article(
  externalId: string,
  fields: Partial<ArticleInput> & Pick<ArticleInput, 'title' | 'text' | 'published'>,
  mentions: Mention[],
): FixtureArticle {
  return {
    input: {
      externalId,
      source: `fixtures/${externalId}.txt`,
      feedId: null,
      guid: null,
      url: `https://news.example.com/${externalId}`,
      outlet: null,
      cites: [],
      ...fields,
    },
    mentions,
  };
}

const wireBody = [
  'Firefighters ordered the evacuation of Brennick on Tuesday as a wildfire driven by strong winds spread across the dry hills of Ostvale province, Westwire reported.',
  'Governor Lena Marsh said about 4,000 residents had left their homes and that two schools in the town were being used as shelters.',
  'Fire chief Owen Tarrant said crews had not yet contained the blaze, which has burned roughly 3,200 hectares of forest since Sunday night.',
  'No deaths have been reported, though three firefighters were treated for smoke inhalation, according to the provincial health office.',
].join('\n\n');

export const fire = {
  courier: article(
    'fire-courier',
    {
      outlet: 'Valley Courier',
      title: 'Wildfire forces evacuation of Brennick as winds spread flames - Valley Courier',
      published: '2026-03-10T08:00:00Z',
      text: [
        'Thousands of residents fled Brennick on Tuesday after a fast-moving wildfire jumped a ridge above the town, Governor Lena Marsh said.',
        'The fire, which began on Sunday in the hills of Ostvale province, has destroyed at least a dozen farm buildings, officials said.',
        'Fire chief Owen Tarrant told reporters that crews were focusing on protecting the hospital and the water plant on the edge of Brennick.',
      ].join('\n\n'),
    },
    [
      person('Lena Marsh', 2, 'governor of Ostvale'),
      person('Owen Tarrant', 1, 'fire chief'),
      place('Brennick', 3),
      place('Ostvale', 1),
    ],
  ),
  ledger: article(
    'fire-ledger',
    {
      outlet: 'Northern Ledger',
      title: 'Brennick evacuated: Ostvale wildfire out of control, governor says',
      published: '2026-03-10T11:30:00Z',
      text: [
        'Authorities in Ostvale province emptied the town of Brennick on Tuesday as a wildfire burned out of control in the surrounding hills, according to Governor Lena Marsh.',
        'Marsh said schools were opened as shelters and urged people not to return until the wind dropped.',
        'The provincial fire service, led by Owen Tarrant, said more than 300 firefighters and four water-bombing aircraft were fighting the blaze.',
      ].join('\n\n'),
    },
    [
      person('Lena Marsh', 2, 'governor'),
      person('Owen Tarrant', 1, 'head of the provincial fire service'),
      place('Brennick', 2),
      place('Ostvale', 2),
    ],
  ),
  lantern: article(
    'fire-lantern-wire',
    {
      outlet: 'Daily Lantern',
      title: 'Brennick evacuated as wildfire spreads',
      published: '2026-03-10T12:00:00Z',
      cites: ['Westwire'],
      text: wireBody,
    },
    [
      person('Lena Marsh', 1, 'governor'),
      person('Owen Tarrant', 1, 'fire chief'),
      org('Westwire'),
      place('Brennick', 1),
      place('Ostvale', 1),
    ],
  ),
  signal: article(
    'fire-signal-wire',
    {
      outlet: 'Metro Signal',
      title: 'Wildfire in Ostvale: Brennick evacuated',
      published: '2026-03-10T12:20:00Z',
      cites: ['Westwire'],
      text: `${wireBody}\n\nMore updates on the fire will follow as they come in.`,
    },
    [
      person('Lena Marsh', 1, 'governor'),
      person('Owen Tarrant', 1, 'fire chief'),
      org('Westwire'),
      place('Brennick', 1),
      place('Ostvale', 1),
    ],
  ),
};

export const rates = article(
  'rates-kardana',
  {
    outlet: 'Valley Courier',
    title: 'Kardana central bank raises interest rate to curb inflation',
    published: '2026-03-10T09:00:00Z',
    text: [
      'The central bank of Kardana raised its benchmark interest rate by half a percentage point on Tuesday, its first increase in two years, to slow rising consumer prices.',
      'Bank governor Ilse Varga said inflation had stayed above target for eight months and that lending had grown too quickly.',
      'Shares of Kardana lenders rose after the decision, while the currency firmed against the euro.',
    ].join('\n\n'),
  },
  [person('Ilse Varga', 2, 'bank governor'), org('Kardana central bank', 2), place('Kardana', 3, 'Kardana')],
);

export const hearing = article(
  'fire-hearing',
  {
    outlet: 'Northern Ledger',
    title: 'Marlow City hearing questions Ostvale wildfire warnings',
    published: '2026-03-31T10:00:00Z',
    text: [
      'Lawmakers in Marlow City questioned Governor Lena Marsh on Tuesday over why the warning to leave Brennick came only hours before the March wildfire reached the town.',
      'Marsh told the parliamentary inquiry that the wind changed faster than forecasters expected and defended the evacuation of Ostvale province towns.',
      'The committee will hear the fire service chief Owen Tarrant next week and publish its findings in June.',
    ].join('\n\n'),
  },
  [
    person('Lena Marsh', 2, 'governor'),
    person('Owen Tarrant', 1, 'fire service chief'),
    place('Marlow City', 2),
    place('Brennick', 1),
    place('Ostvale', 1),
  ],
);

export const snow = article(
  'snow-kessel',
  {
    outlet: 'Coastline Post',
    title: 'Heavy snow closes Kessel Pass for second day',
    published: '2026-03-10T07:00:00Z',
    text: [
      'Heavy snow closed the Kessel Pass for a second day on Tuesday, leaving hundreds of lorries waiting at both ends of the mountain road.',
      'Road crews said drifts of up to two metres had built up overnight and that the pass would stay shut until the snowfall eased.',
    ].join('\n\n'),
  },
  [place('Kessel Pass', 2)],
);

export const allFixtures: FixtureArticle[] = [
  fire.courier,
  fire.ledger,
  fire.lantern,
  fire.signal,
  rates,
  hearing,
  snow,
];
