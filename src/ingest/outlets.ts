/** News agencies and major outlets worldwide, with the names texts use for them and their web domains. */

export type OutletKind = 'agency' | 'outlet';
export type OutletEntry = { name: string; aliases: string[]; kind: OutletKind; domains: string[] };

type Row = [name: string, kind: 'a' | 'o', aliases: string[], domains: string[]];

// Canonical names are the short forms newsrooms use when they cite each other ("AP", "AFP").
const ROWS: Row[] = [
  // Wire services and national news agencies
  ['Reuters', 'a', ['Thomson Reuters', 'Reuters news agency'], ['reuters.com']],
  ['AP', 'a', ['Associated Press', 'The Associated Press', 'AP News'], ['apnews.com', 'ap.org']],
  ['AFP', 'a', ['Agence France-Presse', 'Agence France Presse', 'France-Presse'], ['afp.com']],
  ['Bloomberg', 'a', ['Bloomberg News', 'Bloomberg L.P.'], ['bloomberg.com']],
  ['dpa', 'a', ['DPA', 'Deutsche Presse-Agentur'], ['dpa.com', 'dpa-international.com']],
  ['EFE', 'a', ['Agencia EFE'], ['efe.com']],
  ['ANSA', 'a', ['Agenzia Nazionale Stampa Associata'], ['ansa.it']],
  ['Xinhua', 'a', ['Xinhua News Agency', 'New China News Agency'], ['xinhuanet.com', 'news.cn']],
  ['TASS', 'a', ['ITAR-TASS', 'Tass'], ['tass.com', 'tass.ru']],
  ['RIA Novosti', 'a', ['RIA'], ['ria.ru']],
  ['Interfax', 'a', ['Interfax-Ukraine'], ['interfax.ru', 'interfax.com', 'interfax.com.ua']],
  ['Ukrinform', 'a', [], ['ukrinform.net', 'ukrinform.ua']],
  ['Kyodo', 'a', ['Kyodo News'], ['kyodonews.net']],
  ['Jiji Press', 'a', ['Jiji'], ['jiji.com']],
  ['Yonhap', 'a', ['Yonhap News Agency'], ['yna.co.kr']],
  ['KCNA', 'a', ['Korean Central News Agency'], ['kcna.kp', 'kcnawatch.org']],
  ['PTI', 'a', ['Press Trust of India'], ['ptinews.com']],
  ['ANI', 'a', ['Asian News International'], ['aninews.in']],
  ['IANS', 'a', ['Indo-Asian News Service'], ['ians.in']],
  ['Anadolu', 'a', ['Anadolu Agency', 'Anadolu Ajansi'], ['aa.com.tr']],
  ['UPI', 'a', ['United Press International'], ['upi.com']],
  ['WAFA', 'a', ['Wafa news agency', 'Palestinian news agency WAFA'], ['wafa.ps', 'english.wafa.ps']],
  ['SANA', 'a', ['Syrian Arab News Agency'], ['sana.sy']],
  ['SPA', 'a', ['Saudi Press Agency'], ['spa.gov.sa']],
  ['WAM', 'a', ['Emirates News Agency'], ['wam.ae']],
  ['QNA', 'a', ['Qatar News Agency'], ['qna.org.qa']],
  ['KUNA', 'a', ['Kuwait News Agency'], ['kuna.net.kw']],
  ['MENA', 'a', ['Middle East News Agency'], ['mena.org.eg']],
  ['IRNA', 'a', ['Islamic Republic News Agency'], ['irna.ir']],
  ['Tasnim', 'a', ['Tasnim News Agency', 'Tasnim news agency'], ['tasnimnews.com']],
  ['Fars', 'a', ['Fars News Agency', 'Fars news agency'], ['farsnews.ir']],
  ['Mehr', 'a', ['Mehr News Agency', 'Mehr news agency'], ['mehrnews.com']],
  ['ISNA', 'a', ['Iranian Students News Agency'], ['isna.ir']],
  ['Petra', 'a', ['Jordan News Agency'], ['petra.gov.jo']],
  ['NNA', 'a', ['National News Agency'], ['nna-leb.gov.lb']],
  ['APS', 'a', ['Algeria Press Service'], ['aps.dz']],
  ['MAP', 'a', ['Maghreb Arabe Presse'], ['mapexpress.ma']],
  ['TAP', 'a', ['Tunis Afrique Presse'], ['tap.info.tn']],
  ['INA', 'a', ['Iraqi News Agency'], ['ina.iq']],
  ['Bernama', 'a', [], ['bernama.com']],
  ['Antara', 'a', ['Antara News'], ['antaranews.com']],
  ['PNA', 'a', ['Philippine News Agency'], ['pna.gov.ph']],
  ['APP', 'a', ['Associated Press of Pakistan'], ['app.com.pk']],
  ['BSS', 'a', ['Bangladesh Sangbad Sangstha'], ['bssnews.net']],
  ['CNA', 'a', ['Central News Agency', 'Focus Taiwan'], ['focustaiwan.tw', 'cna.com.tw']],
  ['Vietnam News Agency', 'a', ['VNA'], ['vnanet.vn']],
  ['AAP', 'a', ['Australian Associated Press'], ['aap.com.au']],
  ['Canadian Press', 'a', ['The Canadian Press'], ['thecanadianpress.com']],
  ['PA Media', 'a', ['Press Association', 'PA news agency', 'the PA news agency'], ['pamediagroup.com']],
  ['Europa Press', 'a', [], ['europapress.es']],
  ['APA', 'a', ['Austria Presse Agentur'], ['apa.at']],
  ['Belga', 'a', [], ['belganewsagency.eu']],
  ['ANP', 'a', [], ['anp.nl']],
  ['Lusa', 'a', ['Agencia Lusa'], ['lusa.pt']],
  ['PAP', 'a', ['Polish Press Agency'], ['pap.pl']],
  ['CTK', 'a', ['Czech News Agency'], ['ctk.cz']],
  ['MTI', 'a', ['Hungarian news agency MTI'], ['mti.hu']],
  ['Agerpres', 'a', [], ['agerpres.ro']],
  ['BTA', 'a', ['Bulgarian News Agency'], ['bta.bg']],
  ['Tanjug', 'a', [], ['tanjug.rs']],
  ['HINA', 'a', [], ['hina.hr']],
  ['ANA-MPA', 'a', ['Athens News Agency'], ['amna.gr']],
  ['NTB', 'a', [], ['ntb.no']],
  ['TT News Agency', 'a', [], ['tt.se']],
  ['Ritzau', 'a', [], ['ritzau.dk']],
  ['STT', 'a', [], ['stt.fi']],
  ['Keystone-SDA', 'a', ['SDA'], ['keystone-sda.ch']],
  ['Agencia Brasil', 'a', ['Agência Brasil'], ['agenciabrasil.ebc.com.br']],
  ['Notimex', 'a', [], ['notimex.gob.mx']],
  ['Telam', 'a', ['Télam'], ['telam.com.ar']],
  ['Prensa Latina', 'a', [], ['prensa-latina.cu', 'plenglish.com']],
  ['ENA', 'a', ['Ethiopian News Agency'], ['ena.et']],
  ['Kazinform', 'a', [], ['inform.kz']],
  ['Trend News Agency', 'a', [], ['trend.az']],
  ['Armenpress', 'a', [], ['armenpress.am']],
  ['Sputnik', 'a', ['Sputnik News'], ['sputnikglobe.com', 'sputniknews.com']],
  // International broadcasters and global outlets
  [
    'BBC',
    'o',
    ['BBC News', 'British Broadcasting Corporation', 'BBC World Service', 'BBC Arabic', 'BBC Persian'],
    ['bbc.com', 'bbc.co.uk'],
  ],
  ['CNN', 'o', ['Cable News Network', 'CNN International'], ['cnn.com', 'edition.cnn.com']],
  [
    'Al Jazeera',
    'o',
    ['Al-Jazeera', 'Aljazeera', 'Al Jazeera English', 'Al Jazeera Arabic'],
    ['aljazeera.com', 'aljazeera.net'],
  ],
  [
    'Al Arabiya',
    'o',
    ['Al-Arabiya', 'Alarabiya', 'Al Arabiya English'],
    ['alarabiya.net', 'english.alarabiya.net'],
  ],
  ['Al-Hadath', 'o', ['Al Hadath', 'Alhadath', 'Al-Hadath TV'], ['alhadath.net']],
  [
    'Ekhbariya TV',
    'o',
    [
      'Ekhbariya',
      'Al-Ekhbariya',
      'Al Ekhbariya',
      'Al-Ikhbariya',
      'Al Ikhbariya',
      'Ikhbariya',
      'Al-Ekhbariya TV',
      'Syrian Ekhbariya',
    ],
    ['alikhbariah.com'],
  ],
  ['Sky News', 'o', ['Sky News Arabia'], ['news.sky.com', 'skynewsarabia.com']],
  ['France 24', 'o', ['France24'], ['france24.com']],
  ['Deutsche Welle', 'o', ['DW', 'DW News'], ['dw.com']],
  ['Euronews', 'o', [], ['euronews.com']],
  ['RT', 'o', ['Russia Today'], ['rt.com']],
  ['TRT World', 'o', ['TRT', 'TRT Haber'], ['trtworld.com', 'trthaber.com']],
  ['CGTN', 'o', ['China Global Television Network'], ['cgtn.com']],
  ['CCTV', 'o', ['China Central Television'], ['cctv.com']],
  ['NHK', 'o', ['NHK World'], ['nhk.or.jp']],
  ['Press TV', 'o', ['PressTV'], ['presstv.ir']],
  ['Al Mayadeen', 'o', ['Al-Mayadeen'], ['almayadeen.net']],
  ['Al Manar', 'o', ['Al-Manar'], ['almanar.com.lb']],
  ['Asharq Al-Awsat', 'o', ['Asharq al-Awsat', 'Asharq Alawsat'], ['aawsat.com', 'english.aawsat.com']],
  ['Asharq News', 'o', ['Asharq', 'Asharq Bloomberg'], ['asharq.com']],
  ['Al-Monitor', 'o', ['Al Monitor', 'Almonitor'], ['al-monitor.com']],
  ['Middle East Eye', 'o', ['MEE'], ['middleeasteye.net']],
  [
    'The New Arab',
    'o',
    ['Al-Araby Al-Jadeed', 'Al-Araby al-Jadeed', 'Al Araby'],
    ['newarab.com', 'alaraby.co.uk'],
  ],
  ['Al Quds Al Arabi', 'o', ['Al-Quds Al-Arabi'], ['alquds.co.uk']],
  ['Syria TV', 'o', ['Syria TV channel'], ['syria.tv']],
  ['Enab Baladi', 'o', [], ['enabbaladi.net', 'english.enabbaladi.net']],
  ['Syrian Observer', 'o', ['The Syrian Observer'], ['syrianobserver.com']],
  ['Levant24', 'o', ['Levant 24'], ['levant24.com']],
  ['Rudaw', 'o', [], ['rudaw.net']],
  ['Kurdistan 24', 'o', ['K24'], ['kurdistan24.net']],
  ['Shafaq News', 'o', [], ['shafaq.com']],
  [
    "L'Orient-Le Jour",
    'o',
    ["L'Orient Today", 'LOrient Today'],
    ['lorientlejour.com', 'today.lorientlejour.com'],
  ],
  ['The National', 'o', ['The National News'], ['thenationalnews.com']],
  ['Gulf News', 'o', [], ['gulfnews.com']],
  ['Khaleej Times', 'o', [], ['khaleejtimes.com']],
  ['Arab News', 'o', [], ['arabnews.com']],
  ['Okaz', 'o', [], ['okaz.com.sa']],
  ['Ahram Online', 'o', ['Al-Ahram', 'Al Ahram'], ['ahram.org.eg', 'english.ahram.org.eg']],
  ['Mada Masr', 'o', [], ['madamasr.com']],
  ['Jordan Times', 'o', ['The Jordan Times'], ['jordantimes.com']],
  ['Tehran Times', 'o', [], ['tehrantimes.com']],
  ['Iran International', 'o', [], ['iranintl.com']],
  ['Kayhan', 'o', [], ['kayhan.ir']],
  ['Daily Sabah', 'o', [], ['dailysabah.com']],
  ['Hurriyet', 'o', ['Hürriyet', 'Hurriyet Daily News'], ['hurriyet.com.tr', 'hurriyetdailynews.com']],
  ['Milliyet', 'o', [], ['milliyet.com.tr']],
  ['Sabah', 'o', [], ['sabah.com.tr']],
  ['Yeni Safak', 'o', ['Yeni Şafak'], ['yenisafak.com']],
  ['Haaretz', 'o', [], ['haaretz.com', 'haaretz.co.il']],
  ['The Times of Israel', 'o', ['Times of Israel', 'ToI', 'TOI'], ['timesofisrael.com']],
  ['The Jerusalem Post', 'o', ['Jerusalem Post', 'JPost'], ['jpost.com']],
  [
    'Ynet',
    'o',
    ['Ynetnews', 'Yedioth Ahronoth', 'Yediot Aharonot', 'Yedioth'],
    ['ynetnews.com', 'ynet.co.il'],
  ],
  ['Maariv', 'o', [], ['maariv.co.il']],
  ['Israel Hayom', 'o', [], ['israelhayom.com', 'israelhayom.co.il']],
  ['Channel 12', 'o', ['Channel 12 News', 'N12', 'Keshet 12'], ['mako.co.il']],
  ['Channel 13', 'o', ['Channel 13 News', 'Reshet 13'], ['13tv.co.il']],
  ['Kan', 'o', ['Kan News', 'Kan public broadcaster', 'Kan 11'], ['kan.org.il']],
  ['i24NEWS', 'o', ['i24 News', 'i24'], ['i24news.tv']],
  ['Army Radio', 'o', ['Galei Tzahal'], ['glz.co.il']],
  ['Walla', 'o', ['Walla News'], ['walla.co.il']],
  ['Jewish Insider', 'o', [], ['jewishinsider.com']],
  ['JTA', 'o', ['Jewish Telegraphic Agency'], ['jta.org']],
  ['Al-Akhbar', 'o', ['Al Akhbar'], ['al-akhbar.com']],
  ['Naharnet', 'o', ['An-Nahar', 'Annahar'], ['naharnet.com', 'annahar.com']],
  // United States
  ['The New York Times', 'o', ['New York Times', 'NYT'], ['nytimes.com']],
  ['The Washington Post', 'o', ['Washington Post', 'WaPo'], ['washingtonpost.com']],
  ['The Wall Street Journal', 'o', ['Wall Street Journal', 'WSJ'], ['wsj.com']],
  ['USA Today', 'o', ['USA TODAY'], ['usatoday.com']],
  ['Los Angeles Times', 'o', ['LA Times', 'L.A. Times'], ['latimes.com']],
  ['Chicago Tribune', 'o', [], ['chicagotribune.com']],
  ['The Boston Globe', 'o', ['Boston Globe'], ['bostonglobe.com']],
  ['New York Post', 'o', ['NY Post'], ['nypost.com']],
  ['Axios', 'o', [], ['axios.com']],
  ['Politico', 'o', ['POLITICO', 'Politico Europe'], ['politico.com', 'politico.eu']],
  ['The Hill', 'o', [], ['thehill.com']],
  ['NBC News', 'o', ['NBC'], ['nbcnews.com']],
  ['CBS News', 'o', ['CBS'], ['cbsnews.com']],
  ['ABC News', 'o', ['ABC'], ['abcnews.go.com']],
  ['Fox News', 'o', ['Fox', 'Fox News Digital'], ['foxnews.com']],
  ['MSNBC', 'o', [], ['msnbc.com']],
  ['CNBC', 'o', [], ['cnbc.com']],
  ['NPR', 'o', ['National Public Radio'], ['npr.org']],
  ['PBS', 'o', ['PBS NewsHour'], ['pbs.org']],
  ['Voice of America', 'o', ['VOA'], ['voanews.com']],
  ['Radio Free Europe/Radio Liberty', 'o', ['RFE/RL', 'Radio Free Europe', 'Radio Liberty'], ['rferl.org']],
  ['Radio Free Asia', 'o', ['RFA'], ['rfa.org']],
  ['Bloomberg Businessweek', 'o', ['Businessweek'], []],
  ['Forbes', 'o', [], ['forbes.com']],
  ['Fortune', 'o', [], ['fortune.com']],
  ['Business Insider', 'o', [], ['businessinsider.com', 'insider.com']],
  ['The Atlantic', 'o', [], ['theatlantic.com']],
  ['The New Yorker', 'o', ['New Yorker'], ['newyorker.com']],
  ['Time', 'o', ['TIME', 'Time magazine'], ['time.com']],
  ['Newsweek', 'o', [], ['newsweek.com']],
  ['Vox', 'o', [], ['vox.com']],
  ['Vice News', 'o', ['VICE', 'Vice'], ['vice.com']],
  ['BuzzFeed News', 'o', ['BuzzFeed'], ['buzzfeednews.com']],
  ['HuffPost', 'o', ['Huffington Post'], ['huffpost.com']],
  ['The Daily Beast', 'o', ['Daily Beast'], ['thedailybeast.com']],
  ['ProPublica', 'o', [], ['propublica.org']],
  ['The Intercept', 'o', [], ['theintercept.com']],
  ['Semafor', 'o', [], ['semafor.com']],
  ['Punchbowl News', 'o', [], ['punchbowl.news']],
  ['The Free Press', 'o', [], ['thefp.com']],
  ['Breitbart', 'o', ['Breitbart News'], ['breitbart.com']],
  ['The Washington Free Beacon', 'o', ['Washington Free Beacon', 'Free Beacon'], ['freebeacon.com']],
  ['Washington Examiner', 'o', [], ['washingtonexaminer.com']],
  ['The Daily Wire', 'o', ['Daily Wire'], ['dailywire.com']],
  ['Newsmax', 'o', [], ['newsmax.com']],
  ['The Christian Science Monitor', 'o', ['Christian Science Monitor', 'CSM'], ['csmonitor.com']],
  ['Foreign Policy', 'o', [], ['foreignpolicy.com']],
  ['Defense News', 'o', [], ['defensenews.com']],
  ['Breaking Defense', 'o', [], ['breakingdefense.com']],
  ['The War Zone', 'o', [], ['twz.com']],
  ['Military Times', 'o', [], ['militarytimes.com']],
  ['Stars and Stripes', 'o', [], ['stripes.com']],
  ['TechCrunch', 'o', [], ['techcrunch.com']],
  ['The Verge', 'o', [], ['theverge.com']],
  ['Wired', 'o', ['WIRED'], ['wired.com']],
  ['Ars Technica', 'o', [], ['arstechnica.com']],
  ['The Information', 'o', [], ['theinformation.com']],
  ['Rolling Stone', 'o', [], ['rollingstone.com']],
  ['Variety', 'o', [], ['variety.com']],
  ['The Hollywood Reporter', 'o', ['Hollywood Reporter', 'THR'], ['hollywoodreporter.com']],
  ['Deadline', 'o', ['Deadline Hollywood'], ['deadline.com']],
  ['TheWrap', 'o', ['The Wrap'], ['thewrap.com']],
  ['Billboard', 'o', [], ['billboard.com']],
  ['TMZ', 'o', [], ['tmz.com']],
  ['Entertainment Weekly', 'o', ['EW'], ['ew.com']],
  ['ESPN', 'o', [], ['espn.com']],
  ['The Athletic', 'o', [], ['theathletic.com']],
  ['CBS Sports', 'o', [], ['cbssports.com']],
  ['Sky Sports', 'o', [], ['skysports.com']],
  ['Sports Illustrated', 'o', [], ['si.com']],
  ['Bleacher Report', 'o', [], ['bleacherreport.com']],
  ['CNET', 'o', [], ['cnet.com']],
  ['Engadget', 'o', [], ['engadget.com']],
  ['Gizmodo', 'o', [], ['gizmodo.com']],
  ['VentureBeat', 'o', [], ['venturebeat.com']],
  ['The Register', 'o', [], ['theregister.com']],
  ['ZDNet', 'o', ['ZDNET'], ['zdnet.com']],
  ['DigiTimes', 'o', ['Digitimes'], ['digitimes.com']],
  ['MacRumors', 'o', [], ['macrumors.com']],
  ['9to5Mac', 'o', [], ['9to5mac.com']],
  ['Mediaite', 'o', [], ['mediaite.com']],
  ['Yahoo News', 'o', ['Yahoo Finance'], ['news.yahoo.com', 'finance.yahoo.com']],
  ['MarketWatch', 'o', [], ['marketwatch.com']],
  ['Barron\u2019s', 'o', ["Barron's", 'Barrons'], ['barrons.com']],
  // United Kingdom and Ireland
  ['The Guardian', 'o', ['The Observer'], ['theguardian.com']],
  [
    'The Times',
    'o',
    ['The Times of London', 'The Sunday Times', 'Sunday Times'],
    ['thetimes.com', 'thetimes.co.uk'],
  ],
  ['The Telegraph', 'o', ['Daily Telegraph', 'The Daily Telegraph'], ['telegraph.co.uk']],
  ['Financial Times', 'o', ['FT', 'The Financial Times'], ['ft.com']],
  ['The Economist', 'o', [], ['economist.com']],
  ['The Independent', 'o', [], ['independent.co.uk']],
  ['Daily Mail', 'o', ['Mail Online', 'MailOnline', 'The Daily Mail'], ['dailymail.co.uk']],
  ['The Sun', 'o', [], ['thesun.co.uk']],
  ['Daily Mirror', 'o', ['The Mirror'], ['mirror.co.uk']],
  ['Daily Express', 'o', ['The Express'], ['express.co.uk']],
  ['Evening Standard', 'o', ['London Evening Standard'], ['standard.co.uk']],
  ['The i Paper', 'o', ['i newspaper'], ['inews.co.uk']],
  ['Channel 4 News', 'o', ['Channel 4'], ['channel4.com']],
  ['ITV News', 'o', ['ITV'], ['itv.com']],
  ['The Spectator', 'o', [], ['spectator.co.uk']],
  ['New Statesman', 'o', [], ['newstatesman.com']],
  ['The Irish Times', 'o', ['Irish Times'], ['irishtimes.com']],
  ['RTE', 'o', ['RTÉ', 'RTE News'], ['rte.ie']],
  ['The Jewish Chronicle', 'o', ['Jewish Chronicle'], ['thejc.com']],
  // Europe
  ['Le Monde', 'o', [], ['lemonde.fr']],
  ['Le Figaro', 'o', ['Figaro'], ['lefigaro.fr']],
  ['Liberation', 'o', ['Libération'], ['liberation.fr']],
  ['Les Echos', 'o', [], ['lesechos.fr']],
  ['Le Parisien', 'o', [], ['leparisien.fr']],
  ['BFMTV', 'o', ['BFM TV'], ['bfmtv.com']],
  ['Radio France Internationale', 'o', ['RFI'], ['rfi.fr']],
  ['Der Spiegel', 'o', ['Spiegel', 'Spiegel Online'], ['spiegel.de']],
  ['Die Zeit', 'o', ['Zeit Online'], ['zeit.de']],
  ['Frankfurter Allgemeine Zeitung', 'o', ['FAZ', 'Frankfurter Allgemeine'], ['faz.net']],
  ['Sueddeutsche Zeitung', 'o', ['Süddeutsche Zeitung', 'SZ'], ['sueddeutsche.de']],
  ['Die Welt', 'o', [], ['welt.de']],
  ['Bild', 'o', ['Bild-Zeitung', 'BILD'], ['bild.de']],
  ['Handelsblatt', 'o', [], ['handelsblatt.com']],
  ['ARD', 'o', ['Tagesschau'], ['tagesschau.de', 'ard.de']],
  ['ZDF', 'o', [], ['zdf.de']],
  ['El Pais', 'o', ['El País'], ['elpais.com']],
  ['El Mundo', 'o', [], ['elmundo.es']],
  ['ABC (Spain)', 'o', ['ABC.es'], ['abc.es']],
  ['La Vanguardia', 'o', [], ['lavanguardia.com']],
  ['Corriere della Sera', 'o', ['Corriere'], ['corriere.it']],
  ['La Repubblica', 'o', ['Repubblica'], ['repubblica.it']],
  ['La Stampa', 'o', [], ['lastampa.it']],
  ['RAI', 'o', ['Rai News'], ['rainews.it', 'rai.it']],
  ['NRC', 'o', ['NRC Handelsblad'], ['nrc.nl']],
  ['De Telegraaf', 'o', [], ['telegraaf.nl']],
  ['De Standaard', 'o', [], ['standaard.be']],
  ['Le Soir', 'o', [], ['lesoir.be']],
  ['Neue Zuercher Zeitung', 'o', ['Neue Zürcher Zeitung', 'NZZ'], ['nzz.ch']],
  ['Der Standard', 'o', [], ['derstandard.at']],
  ['Dagens Nyheter', 'o', [], ['dn.se']],
  ['Svenska Dagbladet', 'o', [], ['svd.se']],
  ['Aftenposten', 'o', [], ['aftenposten.no']],
  ['Politiken', 'o', [], ['politiken.dk']],
  ['Helsingin Sanomat', 'o', [], ['hs.fi']],
  ['Gazeta Wyborcza', 'o', [], ['wyborcza.pl']],
  ['Kathimerini', 'o', ['Ekathimerini'], ['ekathimerini.com', 'kathimerini.gr']],
  ['Kommersant', 'o', [], ['kommersant.ru']],
  ['Izvestia', 'o', [], ['iz.ru']],
  ['Meduza', 'o', [], ['meduza.io']],
  ['Novaya Gazeta', 'o', [], ['novayagazeta.ru', 'novayagazeta.eu']],
  ['Kyiv Independent', 'o', ['The Kyiv Independent'], ['kyivindependent.com']],
  ['Kyiv Post', 'o', [], ['kyivpost.com']],
  ['Ukrainska Pravda', 'o', [], ['pravda.com.ua']],
  // Asia and Pacific
  ['South China Morning Post', 'o', ['SCMP'], ['scmp.com']],
  ['Global Times', 'o', [], ['globaltimes.cn']],
  ['China Daily', 'o', [], ['chinadaily.com.cn']],
  ["People's Daily", 'o', ['People\u2019s Daily'], ['people.com.cn', 'en.people.cn']],
  ['Caixin', 'o', [], ['caixinglobal.com']],
  ['Nikkei', 'o', ['Nikkei Asia', 'Nikkei Asian Review'], ['asia.nikkei.com', 'nikkei.com']],
  ['Asahi Shimbun', 'o', ['The Asahi Shimbun', 'Asahi'], ['asahi.com']],
  ['Yomiuri Shimbun', 'o', ['The Yomiuri Shimbun', 'Yomiuri'], ['yomiuri.co.jp']],
  ['Mainichi Shimbun', 'o', ['Mainichi'], ['mainichi.jp']],
  ['Japan Times', 'o', ['The Japan Times'], ['japantimes.co.jp']],
  ['Korea Herald', 'o', ['The Korea Herald'], ['koreaherald.com']],
  ['Korea JoongAng Daily', 'o', ['JoongAng Ilbo', 'JoongAng'], ['joongang.co.kr']],
  ['Chosun Ilbo', 'o', ['The Chosun Ilbo'], ['chosun.com']],
  ['The Times of India', 'o', ['Times of India'], ['timesofindia.indiatimes.com']],
  ['Hindustan Times', 'o', [], ['hindustantimes.com']],
  ['The Hindu', 'o', [], ['thehindu.com']],
  ['Indian Express', 'o', ['The Indian Express'], ['indianexpress.com']],
  ['NDTV', 'o', [], ['ndtv.com']],
  ['India Today', 'o', [], ['indiatoday.in']],
  ['Dawn', 'o', [], ['dawn.com']],
  ['Geo News', 'o', ['Geo TV'], ['geo.tv']],
  ['The Express Tribune', 'o', ['Express Tribune'], ['tribune.com.pk']],
  ['Daily Star', 'o', ['The Daily Star'], ['thedailystar.net']],
  ['Straits Times', 'o', ['The Straits Times'], ['straitstimes.com']],
  ['Channel NewsAsia', 'o', ['CNA'], ['channelnewsasia.com']],
  ['Bangkok Post', 'o', [], ['bangkokpost.com']],
  ['Jakarta Post', 'o', ['The Jakarta Post'], ['thejakartapost.com']],
  ['Philippine Daily Inquirer', 'o', ['Inquirer'], ['inquirer.net']],
  ['ABC (Australia)', 'o', ['Australian Broadcasting Corporation'], ['abc.net.au']],
  ['Sydney Morning Herald', 'o', ['The Sydney Morning Herald', 'SMH'], ['smh.com.au']],
  ['The Australian', 'o', [], ['theaustralian.com.au']],
  ['New Zealand Herald', 'o', ['NZ Herald'], ['nzherald.co.nz']],
  // Americas and Africa
  ['CBC', 'o', ['CBC News', 'Canadian Broadcasting Corporation'], ['cbc.ca']],
  ['The Globe and Mail', 'o', ['Globe and Mail'], ['theglobeandmail.com']],
  ['Toronto Star', 'o', [], ['thestar.com']],
  ['Folha de S.Paulo', 'o', ['Folha'], ['folha.uol.com.br']],
  ['O Globo', 'o', ['Globo'], ['oglobo.globo.com', 'g1.globo.com']],
  ['Clarin', 'o', ['Clarín'], ['clarin.com']],
  ['La Nacion', 'o', ['La Nación'], ['lanacion.com.ar']],
  ['El Universal', 'o', [], ['eluniversal.com.mx']],
  ['Reforma', 'o', [], ['reforma.com']],
  ['El Tiempo', 'o', [], ['eltiempo.com']],
  ['Telesur', 'o', ['teleSUR'], ['telesurenglish.net', 'telesurtv.net']],
  ['News24', 'o', [], ['news24.com']],
  ['Mail & Guardian', 'o', [], ['mg.co.za']],
  ['Daily Maverick', 'o', [], ['dailymaverick.co.za']],
  ['Daily Nation', 'o', ['Nation Africa'], ['nation.africa']],
  ['Premium Times', 'o', [], ['premiumtimesng.com']],
  ['The Punch', 'o', [], ['punchng.com']],
  ['AllAfrica', 'o', [], ['allafrica.com']],
  ['Africanews', 'o', [], ['africanews.com']],
];

export const OUTLETS: ReadonlyArray<OutletEntry> = ROWS.map(([name, kind, aliases, domains]) => ({
  name,
  aliases,
  kind: kind === 'a' ? 'agency' : 'outlet',
  domains,
}));

/** Lower case, no leading "the", hyphens/underscores/dots as spaces, curly apostrophes straight. */
export function normalizeOutletName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const byName = new Map<string, OutletEntry>();
for (const o of OUTLETS) {
  for (const alias of [o.name, ...o.aliases]) {
    const key = normalizeOutletName(alias);
    if (key && !byName.has(key)) byName.set(key, o);
  }
}

const byDomain = new Map<string, OutletEntry>();
for (const o of OUTLETS) for (const d of o.domains) if (!byDomain.has(d)) byDomain.set(d, o);

/** The canonical outlet for any of its names or aliases, case-insensitively; null when unknown. */
export function findOutlet(name: string): { name: string; kind: OutletKind } | null {
  if (typeof name !== 'string') return null;
  const hit = byName.get(normalizeOutletName(name));
  return hit ? { name: hit.name, kind: hit.kind } : null;
}

/** The outlet publishing at a URL (or a bare host name), by its domain or a parent domain; null when unknown. */
export function outletFromUrl(url: string): string | null {
  if (typeof url !== 'string' || url.trim() === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`)
      .hostname;
  } catch {
    return null;
  }
  host = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const hit = byDomain.get(h);
    if (hit) return hit.name;
  }
  return null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const L = '\\p{L}\\p{M}';

/** Names that are everyday words or first names too: in running text only their longer aliases count. */
const AMBIGUOUS_IN_TEXT = new Set([
  'Time',
  'Fortune',
  'Fox',
  'Vice',
  'VICE',
  'Dawn',
  'Petra',
  'Globo',
  'Mint',
  'Sabah',
  'Trend',
  'Variety',
  'Deadline',
  'Billboard',
  'EW',
  'THR',
]);

/** Every alias of every known outlet, longest first, matched case-sensitively as written. */
const KNOWN_RE = (() => {
  const names = new Set<string>();
  for (const o of OUTLETS)
    for (const a of [o.name, ...o.aliases]) {
      if (AMBIGUOUS_IN_TEXT.has(a)) continue;
      const bare = a.replace(/^the\s+/i, '');
      // "The Sun", "The Hill": a single common word is the outlet only after "the".
      if (bare !== a && !/\s/.test(bare)) names.add(`[Tt]he\\s+${escapeRe(bare)}`);
      else if (bare.length >= 2) names.add(escapeRe(bare));
    }
  const alts = [...names].sort((a, b) => b.length - a.length);
  return new RegExp(
    `(?<![${L}\\d@/.])(?:[Tt]he\\s+)?(${alts.join('|')})(?![${L}\\d]|-[${L}]|\\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)[\\p{Lu}][\\p{Ll}])`,
    'gu',
  );
})();

/**
 * Every known outlet named in a text, whatever the context: canonical name and where the mention starts and
 * ends. Case-sensitive as outlets are written; everyday-word names ("Time", "Fortune") only by longer aliases.
 */
export function findOutletMentions(text: string): Array<{ at: number; end: number; name: string }> {
  if (typeof text !== 'string') return [];
  const out: Array<{ at: number; end: number; name: string }> = [];
  for (const m of text.matchAll(KNOWN_RE)) {
    const outlet = findOutlet(m[1]!);
    if (outlet) out.push({ at: m.index, end: m.index + m[0].length, name: outlet.name });
  }
  return out;
}
