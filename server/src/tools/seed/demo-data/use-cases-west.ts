import { bullets, type DemoUseCase, md, steps } from './use-case-types.js';

/** Demo use cases from the west, north and south: Jeddah, KAEC, Yanbu, Madinah, Tabuk, Jazan and Abha. */
// prettier-ignore
export const WESTERN_USE_CASES: readonly DemoUseCase[] = [
  {
    by: 'reem.alghamdi', place: 'jeddah-industrial-city', daysAgo: 330, implementationMonths: 3, category: 'automation',
    industry: 'food_beverage', views: 61, likes: 10, saves: 8,
    title: 'Juice line changeovers from 95 to 38 minutes with SMED',
    titleAr: 'تقليص زمن تغيير المنتج في خط العصائر من ٩٥ إلى ٣٨ دقيقة',
    summary: 'Red Sea Food Industries applied single-minute exchange of die (SMED) to its PET juice filling line in Jeddah. Changeovers dropped from 95 to 38 minutes, freeing 11 hours of production a week.',
    summaryAr: 'طبّقنا منهجية التغيير السريع على خط تعبئة العصائر في جدة، فانخفض زمن تغيير المنتج من ٩٥ إلى ٣٨ دقيقة ووفّرنا ١١ ساعة إنتاج أسبوعيًا.',
    challenge: md(
      'Our PET line fills 14 juice flavours in three bottle sizes. Retail chains order smaller quantities more often, so the line changed product up to **12 times a week**.',
      'Each changeover — flush, CIP of the filler, change parts, new labels and caps — took 95 minutes on average, with large differences between shifts.',
    ),
    solution: md(
      'A cross-functional team filmed six changeovers and split every task into internal (line stopped) and external (can be done while running).',
      steps(
        'Change parts pre-staged on a trolley with shadow boards, one per bottle size',
        'Quick-release clamps on the guides and star wheels instead of bolts',
        'Flavour sequence planned light to dark so a rinse replaces a full CIP between similar flavours',
        'A standard checklist on the HMI, with the time of each step recorded',
      ),
      bullets('No new filler was needed', 'Operators trained in two half-day sessions'),
    ),
    results: md(
      bullets(
        'Average changeover **38 minutes** (−60%)',
        '**11 hours** of production freed each week',
        'Water used for flushing down 25%',
        'Saving about SAR 520,000 a year',
      ),
      'The same method is now being applied to the dairy dessert cups line.',
    ),
    technologies: ['HMI', 'CIP automation'], tags: ['SMED', 'Lean', 'OEE'], vendors: ['Krones'],
    outcomes: { roiPercent: 550, paybackMonths: 5.5, investmentSar: 240_000, annualSavingsSar: 520_000, efficiencyGainPercent: 9, downtimeReductionPercent: 60 },
    extraOutcomes: [{ label: 'Changeover time', value: 38, unit: 'min' }],
  },
  {
    by: 'omar.bakhsh', place: 'jeddah', daysAgo: 215, implementationMonths: 4, category: 'quality', industry: 'food_beverage',
    visibility: 'organization', views: 12, likes: 1, saves: 1,
    title: 'نظام رقمي لمتابعة نقاط التحكم الحرجة في سلامة الغذاء',
    summary: 'استبدلنا سجلات نقاط التحكم الحرجة الورقية بحساسات حرارة وأجهزة لوحية، فأصبحت الانحرافات تُكتشف خلال دقائق بدل نهاية الوردية، ونجحنا في تدقيق هيئة الغذاء والدواء دون ملاحظات.',
    challenge: md(
      'لدينا ١٨ نقطة تحكم حرجة في خطوط العصائر والحلويات الطازجة والوجبات الجاهزة: البسترة والتبريد والكشف عن المعادن. كانت القراءات تُسجَّل على نماذج ورقية كل ساعة.',
      bullets('انحرافات تُكتشف متأخرة بعد ساعات', 'سجلات ناقصة أو غير مقروءة أثناء التدقيق', 'وقت كبير لتجميع التقارير الشهرية'),
    ),
    solution: md(
      'ركّبنا حساسات حرارة لاسلكية على أجهزة البسترة وغرف التبريد، وربطنا كواشف المعادن بالنظام، ووزّعنا أجهزة لوحية على المشرفين لتسجيل الفحوص اليدوية.',
      bullets(
        'تنبيه فوري للمشرف ومسؤول الجودة عند تجاوز الحد الحرج',
        'إجراء تصحيحي يُوثَّق في النظام قبل استئناف الإنتاج',
        'تقارير جاهزة للتدقيق بضغطة زر',
      ),
    ),
    results: md(
      bullets(
        'زمن اكتشاف الانحراف من ساعات إلى **أقل من ٥ دقائق**',
        'تدقيق الهيئة العامة للغذاء والدواء دون ملاحظات',
        'توفير نحو ٣٠ ساعة عمل شهريًا في إعداد التقارير',
      ),
      'نشاركه داخل الشركة أولًا قبل تعميمه على مصنع الوجبات الجاهزة.',
    ),
    technologies: ['Wireless sensors', 'Mobile apps'], tags: ['Food safety', 'HACCP', 'التحول الرقمي'], vendors: ['Testo'],
    outcomes: { roiPercent: 181, paybackMonths: 12.8, investmentSar: 310_000, annualSavingsSar: 290_000, qualityImprovementPercent: 40 },
    extraOutcomes: [{ label: 'Critical control points monitored', value: 18, unit: 'points' }],
  },
  {
    by: 'saad.aljuhani', place: 'yanbu-industrial-city', daysAgo: 510, implementationMonths: 9, category: 'energy',
    industry: 'petrochemicals', featured: true, verified: true, cover: true, views: 88, likes: 13, saves: 9,
    title: 'Advanced process control on the glycol distillation columns',
    titleAr: 'التحكم المتقدم في أعمدة تقطير الجلايكول',
    summary: 'Model predictive control on three glycol columns in Yanbu holds product purity closer to specification with less steam. Reboiler steam fell 7.5% and off-spec product by 60%.',
    summaryAr: 'طبّقنا التحكم التنبؤي المعتمد على النماذج على ثلاثة أعمدة تقطير في ينبع، فانخفض استهلاك البخار ٧٫٥٪ والمنتج خارج المواصفات ٦٠٪.',
    challenge: md(
      'The monoethylene glycol train at Yanbu Industrial City has three vacuum distillation columns. Operators ran them with a generous purity margin because feed composition swings with the upstream reactor.',
      bullets(
        'Purity given away: about 0.15% above specification on average',
        'Reboiler steam: 2.9 t per tonne of product',
        'Off-spec batches: 5–6 a month, each reprocessed',
      ),
    ),
    solution: md(
      'We commissioned a multivariable model predictive controller on top of the existing DCS loops, with inferential purity estimates updated from the online analysers.',
      steps(
        'Step tests on each column over three weeks',
        'Controller tuned offline on the identified models',
        'Commissioned one column at a time with operators on the console',
        'Monthly performance review with service factor and steam per tonne',
      ),
    ),
    results: md(
      bullets(
        'Reboiler steam down **7.5%**',
        'Off-spec batches down **60%**',
        'Controller in service **96%** of the time',
        'Annual benefit about SAR 6.2 million',
      ),
      'The controller paid for itself in under eight months; the cracker side is next.',
    ),
    technologies: ['Advanced process control', 'DCS', 'Soft sensors'],
    tags: ['Energy efficiency', 'Process optimisation', 'Vision 2030'], vendors: ['Yokogawa', 'AspenTech'],
    outcomes: { roiPercent: 377, paybackMonths: 7.5, investmentSar: 3_900_000, annualSavingsSar: 6_200_000, energySavingsPercent: 7.5, qualityImprovementPercent: 60 },
    extraOutcomes: [{ label: 'Controller service factor', value: 96, unit: '%' }],
    edits: [
      {
        by: 'saad.aljuhani',
        daysAfter: 60,
        changes: [
          {
            field: 'summary',
            before: 'Model predictive control on three glycol columns in Yanbu saves steam and reduces off-spec product.',
            after:
              'Model predictive control on three glycol columns in Yanbu holds product purity closer to specification with less steam. Reboiler steam fell 7.5% and off-spec product by 60%.',
          },
          { field: 'vendors', before: ['Yokogawa'], after: ['Yokogawa', 'AspenTech'] },
        ],
      },
    ],
  },
  {
    by: 'lama.alruwaili', place: 'yanbu', daysAgo: 185, implementationMonths: 6, category: 'maintenance',
    industry: 'petrochemicals', visibility: 'organization', views: 14, likes: 1, saves: 1,
    title: 'Wireless vibration monitoring for 140 pumps and compressors',
    summary: 'Battery-powered vibration sensors on 140 rotating machines replaced monthly walk-around readings at Yanbu Petrochemical Derivatives. Unplanned trips of rotating equipment fell by 45%.',
    challenge: md(
      'Our reliability team collected vibration readings by hand once a month on about 140 pumps, fans and compressors. Most failures developed between two rounds.',
      'Some machines sit in areas that need a work permit and gas test just to walk to them, so the rounds were often skipped.',
    ),
    solution: md(
      'We installed wireless triaxial sensors that send overall values every 10 minutes and a full spectrum twice a day, through gateways connected to the plant network.',
      bullets(
        'Alarm thresholds from ISO 10816 and each machine\u2019s own baseline',
        'Weekly review of the spectra by the reliability engineer',
        'Work orders raised from the monitoring software into the CMMS',
      ),
    ),
    results: md(
      bullets(
        'Unplanned trips of rotating equipment down **45%**',
        'Walk-around rounds reduced to the 20 machines without sensors',
        'Three compressor bearing failures caught more than two weeks early',
      ),
      'Installed, the sensors cost about SAR 7,800 per machine. The main lesson: agree who owns each alarm with operations before go-live, or alarms get ignored.',
    ),
    technologies: ['Vibration monitoring', 'Wireless sensors', 'CMMS'], tags: ['Predictive maintenance', 'Reliability'],
    vendors: ['Emerson', 'SKF'],
    outcomes: { roiPercent: 350, paybackMonths: 8, investmentSar: 1_100_000, annualSavingsSar: 1_650_000, downtimeReductionPercent: 45 },
    extraOutcomes: [{ label: 'Machines monitored', value: 140, unit: 'machines' }],
  },
  {
    by: 'rayan.hawsawi', place: 'kaec', daysAgo: 21, implementationMonths: 2, category: 'quality', industry: 'electronics',
    views: 33, likes: 5, saves: 3,
    title: 'Automated optical inspection on a new SMT line in KAEC',
    summary: 'Smart Circuits Arabia added 3D solder-paste and automated optical inspection to its first surface-mount line. First-pass yield rose from 91% to 98.6% for industrial sensor boards.',
    challenge: md(
      'As a young company in King Abdullah Economic City we assemble sensor and controller boards in batches of 200–2,000. Our first SMT line had only manual visual inspection after reflow.',
      bullets(
        'First-pass yield **91%**',
        'Rework took a technician\u2019s full day, every day',
        'Customers asked for inspection data with each lot',
      ),
    ),
    solution: md(
      'We added a 3D solder-paste inspection machine after the printer and a 3D AOI machine after reflow, both feeding a traceability database keyed by the board serial number.',
      bullets(
        'Inspection programs generated from the CAD data',
        'False calls tuned down over the first month',
        'A weekly Pareto of defects reviewed with the printer and placement settings',
      ),
    ),
    results: md(
      bullets('First-pass yield from 91% to **98.6%**', 'Rework time down 80%', 'Inspection report delivered with every lot'),
      'The machines are shared with a second line planned for next year.',
    ),
    technologies: ['Automated optical inspection', 'Machine vision', 'MES'], tags: ['Traceability', 'Scrap reduction'],
    vendors: ['Koh Young'],
    outcomes: { roiPercent: 93, paybackMonths: 18.7, investmentSar: 950_000, annualSavingsSar: 610_000, qualityImprovementPercent: 84 },
    extraOutcomes: [{ label: 'First-pass yield', value: 98.6, unit: '%' }],
    reports: [
      {
        by: 'sultan.aldawsari',
        reason: 'spam',
        details: 'Reads like an advertisement for the inspection machine vendor.',
        daysAgo: 15,
        dismissed: {
          by: 'noura.alsubaie',
          resolution:
            'The figures are the company\u2019s own measurements and the vendor is named as a partner, which the guidelines allow. No change needed.',
          daysAgo: 13,
        },
      },
    ],
  },
  {
    by: 'haifa.alatawi', place: 'tabuk', daysAgo: 395, implementationMonths: 4, category: 'iot', industry: 'logistics',
    cover: true, views: 47, likes: 9, saves: 7,
    title: 'LoRaWAN telemetry for cold rooms and reefer trucks',
    titleAr: 'مراقبة غرف التبريد والشاحنات المبرّدة عبر شبكة LoRaWAN',
    summary: 'Tabuk Cold Chain Logistics connected 30 cold rooms and 120 reefer trucks to one dashboard. Temperature excursions are caught in minutes and spoiled-load claims fell by 72%.',
    summaryAr: 'ربطنا ٣٠ غرفة تبريد و١٢٠ شاحنة مبرّدة بلوحة متابعة واحدة، فأصبحت تجاوزات الحرارة تُكتشف خلال دقائق وانخفضت مطالبات الشحنات التالفة ٧٢٪.',
    challenge: md(
      'We carry fresh produce from farms around Tabuk to Riyadh, Jeddah and Dammam, and store it in three cold stores. Temperatures were logged by data loggers read after each trip.',
      'When a compressor failed at night, nobody knew until the morning. Claims for spoiled loads cost us over SAR 600,000 in one year.',
    ),
    solution: md(
      'Cold rooms got LoRaWAN temperature and door sensors on two gateways per site; trucks got cellular telematics units reading the reefer controller and GPS.',
      bullets(
        'One cloud dashboard for rooms and trucks',
        'Alarms by SMS and app to the shift supervisor and driver',
        'Temperature history attached to every delivery note for the customer',
      ),
      'Battery life of the room sensors is about three years at 10-minute intervals.',
    ),
    results: md(
      bullets(
        'Spoiled-load claims down **72%**',
        'Excursions detected in **under 10 minutes**',
        'Two customers extended their contracts citing the temperature reports',
      ),
      'The system paid for itself in about seven months, mostly from avoided claims and a lower insurance excess.',
    ),
    technologies: ['LoRaWAN', 'Telematics', 'Cloud dashboards'], tags: ['Cold chain', 'Traceability'],
    vendors: ['Milesight', 'Carrier Transicold'],
    outcomes: { roiPercent: 407, paybackMonths: 7.1, investmentSar: 420_000, annualSavingsSar: 710_000, qualityImprovementPercent: 72 },
    extraOutcomes: [{ label: 'Assets monitored', value: 150, unit: 'rooms and trucks' }],
  },
  {
    by: 'ibrahim.hakami', place: 'jazan', daysAgo: 175, implementationMonths: 6, category: 'iot', industry: 'water_utilities',
    views: 35, likes: 6, saves: 4,
    title: 'مراقبة محطات التحلية الصغيرة عن بُعد على ساحل جازان',
    summary: 'ربطنا ١١ محطة تحلية صغيرة في القرى الساحلية بمركز تحكم واحد، فانخفضت زيارات الصيانة الميدانية ٤٠٪ وارتفعت جاهزية المحطات إلى ٩٨٪.',
    challenge: md(
      'نشغّل محطات تحلية بالتناضح العكسي بطاقة ٢٠٠ إلى ٥٠٠ متر مكعب يوميًا في قرى ساحلية متباعدة. كان الفنيون يزورون كل محطة يوميًا لقراءة العدادات وضبط الجرعات.',
      bullets('الأعطال تُكتشف في الزيارة التالية', 'تكلفة كبيرة للتنقل في الطقس الحار', 'استهلاك مواد كيميائية أعلى من اللازم'),
    ),
    solution: md(
      'ركّبنا وحدات تحكم ووحدات اتصال خلوية في كل محطة، ترسل الضغوط والملوحة والتدفق ومستوى الخزانات إلى نظام سكادا مركزي في جازان.',
      bullets('تشغيل وإيقاف المضخات عن بُعد', 'تنبيهات لانسداد المرشحات وارتفاع الملوحة', 'جرعات مواد كيميائية حسب التدفق الفعلي'),
    ),
    results: md(
      bullets(
        'انخفضت الزيارات الميدانية **٤٠٪**',
        'ارتفعت جاهزية المحطات إلى **٩٨٪**',
        'انخفض استهلاك المواد الكيميائية **١٨٪**',
        'انخفض استهلاك الطاقة لكل متر مكعب ١٠٪',
      ),
      'نخطط لإضافة نموذج يتنبأ بموعد تنظيف الأغشية من فرق الضغط ونوعية مياه البحر الداخلة.',
    ),
    technologies: ['SCADA', 'PLC', 'Cellular IoT'], tags: ['Water', 'كفاءة الطاقة'], vendors: ['Schneider Electric'],
    outcomes: { roiPercent: 152, paybackMonths: 14.3, investmentSar: 560_000, annualSavingsSar: 470_000, energySavingsPercent: 10, downtimeReductionPercent: 50 },
    extraOutcomes: [{ label: 'Plant availability', value: 98, unit: '%' }],
  },
  {
    by: 'waleed.alsahli', place: 'madinah', daysAgo: 6, implementationMonths: 4, category: 'quality', industry: 'paper_packaging',
    status: 'draft', views: 0, likes: 0, saves: 0,
    title: 'Cutting corrugator waste with automatic splice and warp control',
    titleAr: 'خفض هدر آلة الكرتون المموّج بالتحكم الآلي في الوصل والتقوّس',
    summary: 'A draft of our corrugator project: automatic splicers and warp control on the double backer, to bring board waste from 7% to below 4%.',
    summaryAr: 'مسودة مشروع آلة الكرتون المموّج: وصلات آلية وتحكم في التقوّس لخفض الهدر من ٧٪ إلى أقل من ٤٪.',
    challenge: md(
      'Board waste on the corrugator runs at about 7%, mostly from splices and warped sheets in the summer.',
      bullets('Waste: 7% of board', 'Warp complaints from two customers'),
    ),
    solution: md('Still being specified: automatic splicers on both mill-roll stands and moisture-based warp control.'),
    results: md('Expected: waste below 4% and SAR 410,000 saved a year. We will update this after the trial.'),
    technologies: ['Process control'], tags: ['Scrap reduction'], vendors: ['BHS Corrugated'],
    outcomes: { roiPercent: 251, paybackMonths: 10.2, investmentSar: 350_000, annualSavingsSar: 410_000 },
  },
  {
    by: 'shahad.alqarni', place: 'abha', daysAgo: 300, archivedDaysAgo: 70, implementationMonths: 2, category: 'supply_chain',
    industry: 'mining', status: 'archived', views: 18, likes: 3, saves: 2,
    title: 'Drone surveys of quarry stockpiles',
    summary: 'Monthly drone photogrammetry replaced tape-and-estimate stockpile measurement at our Abha quarries. Inventory figures became accurate to 2% and the survey takes one hour instead of two days.',
    challenge: md(
      'Stockpiles of aggregates and limestone were estimated by eye and tape each month, with differences of up to 15% against sales.',
      bullets('Two days of a surveyor\u2019s time each month', 'Disputes with auditors over inventory value'),
    ),
    solution: md(
      'A mapping drone flies a pre-programmed route over the stockyards; photogrammetry software computes volumes against a base surface.',
      bullets('Ground control points surveyed once', 'Results exported to the ERP inventory'),
    ),
    results: md(
      bullets('Volume accuracy within **2%**', 'Survey time from 2 days to **1 hour**', 'Auditors accepted the drone figures'),
      'Archived: the quarries now use a surveying contractor with the same method, and this page is kept for reference.',
    ),
    technologies: ['Drones', 'Photogrammetry'], tags: ['Inventory'], vendors: ['DJI', 'Pix4D'],
    outcomes: { roiPercent: 294, paybackMonths: 9.1, investmentSar: 160_000, annualSavingsSar: 210_000, efficiencyGainPercent: 90 },
    extraOutcomes: [{ label: 'Volume accuracy', value: 2, unit: '%' }],
  },
];
