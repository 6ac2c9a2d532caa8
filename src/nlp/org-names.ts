/** Organisation words and names the capitalised-chunk rules cannot tell from people or places. */

/** A chunk containing one of these words names an organisation. */
export const ORG_WORDS = new Set(
  'Ministry Committee Council Party Jihad Army Forces Front Brigades Brigade Movement Organisation Organization Agency Bank Company Corporation Corp Inc Ltd LLC Group Union Association Commission Court Parliament Senate Congress University Institute Foundation Fund League Alliance Coalition Authority Administration Department Office Service Police Guard Guards Corps Federation Assembly Cabinet Government Embassy Consulate Tribunal Board Bureau Navy Militia Regime Directorate Secretariat Caucus Network Airlines Airways Holdings Partners Systems Technologies Motors Bureau Church Mosque Hospital School College Academy Club Society Centre Center Agency Taskforce Task Command Mission Houthis Hezbollah Hamas Taliban Kremlin Pentagon Knesset Duma Bundestag'.split(
    ' ',
  ),
);

export type KnownOrg = { name: string; aliases: string[] };

/** Widely reported organisations, with the short forms news uses for them. */
export const KNOWN_ORGS: readonly KnownOrg[] = [
  { name: 'United Nations', aliases: ['UN', 'U.N.'] },
  { name: 'European Union', aliases: ['EU', 'E.U.'] },
  { name: 'NATO', aliases: ['Nato', 'North Atlantic Treaty Organization'] },
  { name: 'African Union', aliases: ['AU'] },
  { name: 'Arab League', aliases: [] },
  { name: 'World Health Organization', aliases: ['WHO'] },
  { name: 'International Monetary Fund', aliases: ['IMF'] },
  { name: 'World Bank', aliases: [] },
  { name: 'International Criminal Court', aliases: ['ICC'] },
  { name: 'International Court of Justice', aliases: ['ICJ'] },
  { name: 'International Atomic Energy Agency', aliases: ['IAEA'] },
  { name: 'Hamas', aliases: [] },
  { name: 'Hezbollah', aliases: ['Hizbollah', 'Hizbullah'] },
  { name: 'Houthis', aliases: ['Houthi', 'Ansar Allah'] },
  { name: 'Taliban', aliases: [] },
  { name: 'al-Qaeda', aliases: ['al-Qaida', 'Al Qaeda', 'al Qaeda'] },
  { name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'Daesh'] },
  { name: "Hay'at Tahrir al-Sham", aliases: ['HTS', 'Hayat Tahrir al-Sham', 'Hayat Tahrir al Sham'] },
  { name: 'Palestinian Islamic Jihad', aliases: ['PIJ', 'Islamic Jihad'] },
  { name: 'Palestinian Authority', aliases: ['PA'] },
  { name: 'Syrian Democratic Forces', aliases: ['SDF'] },
  { name: 'Kurdistan Workers’ Party', aliases: ['PKK'] },
  { name: 'Wagner Group', aliases: ['Wagner'] },
  { name: 'Rapid Support Forces', aliases: ['RSF'] },
  { name: 'Israel Defense Forces', aliases: ['IDF'] },
  { name: 'Islamic Revolutionary Guard Corps', aliases: ['IRGC', 'Revolutionary Guards'] },
  { name: 'Federal Reserve', aliases: ['Fed'] },
  { name: 'European Central Bank', aliases: ['ECB'] },
  { name: 'White House', aliases: [] },
  { name: 'Kremlin', aliases: [] },
  { name: 'Pentagon', aliases: [] },
  { name: 'State Department', aliases: [] },
  { name: 'Group of Seven', aliases: ['G7'] },
  { name: 'Group of 20', aliases: ['G20'] },
  { name: 'OPEC', aliases: [] },
];

/** Religious, ethnic and tribal groups: capitalised like names, but neither people nor organisations. */
export const GROUP_WORDS = new Set(
  'Sunni Sunnis Shia Shiite Shiites Shias Druze Bedouin Bedouins Alawite Alawites Kurd Kurds Kurdish Christian Christians Muslim Muslims Jew Jews Jewish Arab Arabs Catholic Catholics Protestant Protestants Orthodox Hindu Hindus Sikh Sikhs Buddhist Buddhists Yazidi Yazidis Rohingya Uyghur Uyghurs Tamil Tamils Pashtun Pashtuns Hutu Tutsi Roma Islamist Islamists Zionist Zionists Democrats Republicans Democrat Republican Conservatives Tories Liberals Socialists Communists'.split(
    ' ',
  ),
);

/** One of these alone says too little to be an organisation's name ("the Ministry", "Inc"). */
export const GENERIC_ORG_WORDS = new Set(
  'Ministry Committee Council Party Army Forces Front Agency Bank Company Corporation Corp Inc Ltd LLC Group Union Association Commission Court University Institute Foundation Fund League Alliance Coalition Authority Administration Department Office Service Police Guard Guards Corps Federation Assembly Cabinet Government Embassy Consulate Tribunal Board Bureau Navy Militia Regime Directorate Secretariat Network Church Hospital School College Academy Club Society Centre Center Command Mission Task'.split(
    ' ',
  ),
);

/** Words that make a capitalised run an event or prize rather than a person: "Davis Cup", "World Series". */
export const EVENT_WORDS = new Set(
  'Cup Finals Final Series Open Championship Championships Games Olympics Awards Award Prize Trophy Festival Tournament Marathon Grand Prix Expo Summit Conference Forum Act Treaty Accord Accords Agreement Plan Doctrine Initiative Strategy Program Programme Project Report Index'.split(
    ' ',
  ),
);
