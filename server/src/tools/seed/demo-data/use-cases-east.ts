import { bullets, type DemoUseCase, md, steps } from './use-case-types.js';

/** Demo use cases from the Eastern Province: Jubail, Dammam, Dhahran and Khobar. */
// prettier-ignore
export const EASTERN_USE_CASES: readonly DemoUseCase[] = [
  {
    by: 'sara.alamri', place: 'jubail-industrial-city', daysAgo: 420, implementationMonths: 7, category: 'quality',
    industry: 'plastics_rubber', featured: true, verified: true, cover: true, views: 96, likes: 14, saves: 9,
    title: 'Inline thickness gauging on blown-film lines cuts scrap by 38%',
    summary: 'Jubail Polymers fitted scanning thickness gauges with closed-loop die control to four blown-film lines. Gauge variation halved, scrap fell from 6.1% to 3.8% and the resin saved paid for the project in 15 months.',
    challenge: md(
      'Our four blown-film lines in Jubail Industrial City run 24/7 on LLDPE and LDPE blends for agricultural and shrink films. Thickness was checked offline: an operator cut a sample every two hours and measured it with a hand micrometer in the lab.',
      'By the time a thick or thin band was found, up to **1.8 tonnes** of film had been wound. Customers in the Gulf market complained about weak spots, and to stay safe the lines ran about 4% above the nominal gauge, giving away resin on every roll.',
      bullets(
        'Scrap and downgraded rolls: **6.1%** of output',
        'Thickness variation (2σ): **±11%** of nominal',
        'Three customer claims in one quarter for film splitting on the roll',
      ),
    ),
    solution: md(
      'We installed a scanning infrared gauge above the nip on each line and connected it to automatic die bolts, so the profile is corrected every scan instead of every shift.',
      steps(
        'A pilot on line 2 for eight weeks, comparing gauge readings against the lab micrometer (agreement within 1.2 µm).',
        'Roll-out to the other three lines during planned shutdowns, one line per month.',
        'Profile and average thickness sent over OPC UA to the plant historian, with an SPC chart per product on the line screens.',
        'Operators trained to change the target per recipe instead of running "a bit thick".',
      ),
      'The gauge supplier commissioned the control loop; our automation team wrote the recipe interface on the existing PLCs.',
    ),
    results: md(
      'After six months on all four lines the numbers were stable enough to lower the safety margin on the average gauge from 4% to 1.5%.',
      bullets(
        'Scrap and downgrades down from 6.1% to **3.8%** (−38%)',
        'Thickness variation (2σ) from ±11% to **±5%**',
        'Resin saved: about **410 tonnes a year**',
        'No film-splitting claims in the last three quarters',
      ),
      'The three-year return is 140% on SAR 1.45 million. The next step is to use the same data to schedule die cleaning before the profile drifts.',
    ),
    technologies: ['Inline gauging', 'OPC UA', 'SPC', 'PLC'], tags: ['Scrap reduction', 'Industry 4.0', 'Vision 2030'],
    vendors: ['Thermo Fisher Scientific', 'Siemens'],
    outcomes: { roiPercent: 140, paybackMonths: 15, investmentSar: 1_450_000, annualSavingsSar: 1_160_000, qualityImprovementPercent: 38, efficiencyGainPercent: 6 },
    extraOutcomes: [{ label: 'Scrap rate', value: 3.8, unit: '%' }, { label: 'Resin saved', value: 410, unit: 't/year' }],
    edits: [
      {
        by: 'sara.alamri',
        daysAfter: 95,
        changes: [
          { field: 'roiPercent', before: 118, after: 140 },
          { field: 'tags', before: ['Scrap reduction', 'Industry 4.0'], after: ['Scrap reduction', 'Industry 4.0', 'Vision 2030'] },
        ],
      },
    ],
  },
  {
    by: 'majed.alshahrani', place: 'jubail', daysAgo: 150, implementationMonths: 5, category: 'digital_transformation',
    industry: 'plastics_rubber', views: 58, likes: 8, saves: 6,
    title: 'لوحة متابعة كفاءة المعدات الشاملة (OEE) لخطوط الحقن في الجبيل',
    summary: 'ربطنا ٢٤ ماكينة حقن بلوحة متابعة لحظية لكفاءة المعدات الشاملة، فارتفعت الكفاءة من ٥٨٪ إلى ٧١٪ خلال ستة أشهر، وانكشفت أسباب التوقف الصغيرة التي لم تكن تُسجَّل.',
    challenge: md(
      'في صالة الحقن لدينا ٢٤ ماكينة تنتج صناديق بلاستيكية وأغطية. كانت الكفاءة تُحسب يدويًا في نهاية كل وردية من دفاتر المشغلين، والأرقام تصل إلى الإدارة بعد أسبوع.',
      'لم نكن نعرف أين يضيع الوقت فعلًا: التوقفات القصيرة (أقل من خمس دقائق) لا تُسجَّل أبدًا، وتغيير القوالب يأخذ وقتًا مختلفًا من وردية لأخرى.',
      bullets('كفاءة المعدات الشاملة التقديرية: **٥٨٪**', 'تغيير القالب: بين ٤٥ و٩٠ دقيقة', 'لا توجد بيانات موثوقة عن أسباب التوقف'),
    ),
    solution: md(
      'ركّبنا بوابة طرفية في كل خط تقرأ إشارات الدورة والتوقف من وحدات التحكم عبر OPC UA، وترسلها بروتوكول MQTT إلى خادم مركزي يحسب التوافر والأداء والجودة لكل ماكينة.',
      bullets(
        'شاشة كبيرة في الصالة تعرض حالة كل ماكينة بالألوان',
        'جهاز لوحي عند كل خلية يختار منه المشغل سبب التوقف من قائمة قصيرة',
        'تقرير يومي آلي لمدير الإنتاج بأكبر خمسة أسباب للتوقف',
      ),
      'بدأنا بست ماكينات لمدة شهرين، ثم عمّمنا الحل على الصالة كلها بعد أن تدرّب المشغلون عليه.',
    ),
    results: md(
      'بعد ستة أشهر من التشغيل الكامل:',
      bullets(
        'ارتفعت كفاءة المعدات الشاملة من ٥٨٪ إلى **٧١٪**',
        'انخفض زمن تغيير القالب إلى **٣٥ دقيقة** في المتوسط بعد تطبيق منهجية التغيير السريع',
        'انخفضت التوقفات غير المخططة بنسبة **٢٧٪**',
        'وفورات سنوية تقارب **٩١٠ ألف ريال** من الإنتاج الإضافي دون ماكينات جديدة',
      ),
      'الدرس الأهم: البيانات وحدها لا تكفي، فالاجتماع اليومي لمدة عشر دقائق أمام اللوحة هو ما غيّر السلوك.',
    ),
    technologies: ['OPC UA', 'MQTT', 'Edge computing', 'PLC'], tags: ['OEE', 'التحول الرقمي', 'Lean'],
    vendors: ['Siemens', 'Qassim Industrial Automation'],
    outcomes: { roiPercent: 340, paybackMonths: 8.2, investmentSar: 620_000, annualSavingsSar: 910_000, efficiencyGainPercent: 22, downtimeReductionPercent: 27 },
    extraOutcomes: [{ label: 'OEE', value: 71, unit: '%' }, { label: 'Mould change time', value: 35, unit: 'min' }],
  },
  {
    by: 'abdullah.alhajri', place: 'dammam-2nd-industrial-city', daysAgo: 280, implementationMonths: 6,
    category: 'digital_transformation', industry: 'oil_gas_services', views: 41, likes: 6, saves: 4,
    title: 'Digital job cards and RFID tags for every valve in the workshop',
    summary: 'Gulf Coast Oilfield Services replaced paper job cards with tablets and put RFID tags on 3,200 valves and wellhead parts. Lost items and re-work fell, and a certificate is now found in seconds instead of hours.',
    challenge: md(
      'Our Dammam workshop repairs and certifies wellhead equipment, gate valves and pumps for operators and drilling contractors. Each job travelled with a paper card that collected stamps from disassembly, inspection, machining, pressure test and painting.',
      'Cards got lost or soaked, parts from two jobs were mixed on the same bench, and when a customer asked for the pressure-test chart of a valve repaired a year ago, finding it took half a day in the archive.',
      bullets(
        'About **14 items a month** could not be located on the first search',
        'Re-work from mixed-up parts: 3–4 jobs a month',
        'Certificate requests answered in 4–6 hours',
      ),
    ),
    solution: md(
      'Every incoming item now gets a rugged RFID tag at reception. Technicians open the digital job card on a tablet by scanning the tag, record measurements and photos, and sign each step with their badge.',
      bullets(
        'Fixed readers at the workshop doors and the pressure-test bay log every movement',
        'Test charts from the digital recorders are attached to the job automatically',
        'The customer portal shows status and downloads certificates without a phone call',
        'The CMMS keeps the history of each serial number across repairs',
      ),
      'We kept the paper card for the first two months in parallel, then switched it off.',
    ),
    results: md(
      'Nine months after go-live:',
      bullets(
        'Items not found on first search: from 14 to **1 a month**',
        'Re-work from mixed parts: **none** since month three',
        'Certificates found in **under a minute**',
        'Jobs per technician up **12%** because less time goes into paperwork',
      ),
      'The investment of SAR 450,000 pays back in about 14 months. Two operators now ask for the digital history as a condition of their contracts.',
    ),
    technologies: ['RFID', 'CMMS', 'Mobile apps'], tags: ['Traceability', 'Paperless'],
    vendors: ['Zebra Technologies', 'IBM Maximo'],
    outcomes: { roiPercent: 153, paybackMonths: 14.2, investmentSar: 450_000, annualSavingsSar: 380_000, efficiencyGainPercent: 12 },
    extraOutcomes: [{ label: 'Items tagged', value: 3200, unit: 'items' }],
  },
  {
    by: 'hind.alkhaldi', place: 'dammam', daysAgo: 60, implementationMonths: 4, category: 'safety', industry: 'oil_gas_services',
    views: 44, likes: 7, saves: 5,
    title: 'Connected wearables for lone workers during hot work',
    titleAr: 'أجهزة قابلة للارتداء لحماية العاملين منفردين أثناء الأعمال الساخنة',
    summary: 'Gas detectors and fall sensors worn by welders and fitters send alarms to the control room over a private LTE network. Response time to an alarm dropped from 9 minutes to under 2.',
    summaryAr: 'كواشف غاز وحساسات سقوط يرتديها اللحامون والفنيون ترسل الإنذارات إلى غرفة التحكم عبر شبكة اتصال خاصة، فانخفض زمن الاستجابة من ٩ دقائق إلى أقل من دقيقتين.',
    challenge: md(
      'Much of our hot work happens inside tanks, separators and pits on customer sites around Dammam, often by one welder with a fire watch at the manhole. Permits required a radio check every 15 minutes, which was easy to miss in a noisy yard.',
      'A near miss in 2025 — a welder felt dizzy from a gas pocket and the radio check was late — made the HSE committee ask for something that does not depend on a person remembering to call.',
      bullets(
        'Average time to respond to an emergency call in drills: **9 minutes**',
        '2 near misses in confined spaces in one year',
        'Permit audits found 30% of radio checks late',
      ),
    ),
    solution: md(
      'Each person on a hot-work permit wears a four-gas detector and a fall/no-motion sensor linked to a smartphone gateway. Alarms and positions go to the control room over a private LTE network on the larger sites and public 4G elsewhere.',
      steps(
        'Trial with 12 devices on two customer sites for three months',
        'Integration with our permit-to-work system: a permit cannot start until the worker\u2019s device is online',
        'Escalation: control room, then site supervisor, then the rescue team, with a map position',
      ),
    ),
    results: md(
      bullets(
        'Response time to alarms in drills: **under 2 minutes**',
        'No late checks since the system went live: the device checks in every 30 seconds',
        'Two real gas alarms handled with evacuation before anyone was affected',
      ),
      'The money case is weaker than the safety case: savings come from fewer stand-by watchmen and lower insurance premiums, and the payback is about two years.',
    ),
    technologies: ['Wearables', 'Private LTE', 'Mobile apps'], tags: ['HSE', 'Lone worker'],
    vendors: ['Honeywell', 'Blackline Safety'],
    outcomes: { roiPercent: 50, paybackMonths: 24, investmentSar: 520_000, annualSavingsSar: 260_000 },
    extraOutcomes: [{ label: 'Alarm response time', value: 2, unit: 'min' }, { label: 'Workers equipped', value: 46, unit: 'people' }],
    reports: [
      {
        by: 'khalid.alqahtani',
        reason: 'inaccurate',
        details: 'The 24-month payback leaves out the yearly device subscriptions, which are most of the cost in our experience.',
        daysAgo: 8,
      },
    ],
  },
  {
    by: 'zainab.alsaif', place: 'dhahran', daysAgo: 245, implementationMonths: 3, category: 'automation',
    industry: 'electrical_equipment', visibility: 'private', views: 6, likes: 1, saves: 1,
    title: 'Automated dielectric test reports for switchgear panels',
    titleAr: 'تقارير آلية لاختبارات العزل في لوحات المفاتيح الكهربائية',
    summary: 'Test results from the high-voltage and insulation testers go straight into a report template. A panel\u2019s test report is ready when the test ends, instead of two days later, and transcription errors are gone.',
    summaryAr: 'نتائج أجهزة اختبار الجهد العالي ومقاومة العزل تنتقل مباشرة إلى قالب التقرير، فيصبح تقرير اللوحة جاهزًا عند انتهاء الاختبار بدل يومين لاحقًا.',
    challenge: md(
      'Every low- and medium-voltage panel we ship from Dhahran gets routine tests: insulation resistance, dielectric withstand, primary injection and functional checks. The testers print or show results, and engineers typed them into a Word template afterwards.',
      'With 60–80 panels a month, the test bay spent about **30% of its time on paperwork**, and customers\u2019 inspectors found typing mistakes in roughly one report in twenty.',
    ),
    solution: md(
      'We connected the testers to a small test-bay PC that reads the results over their serial and Ethernet interfaces, checks them against the limits for the panel type, and fills the report.',
      bullets(
        'Limits per panel type kept in one table, approved by the engineering manager',
        'Reports signed digitally by the test engineer',
        'Failed tests open a non-conformance automatically',
      ),
    ),
    results: md(
      bullets(
        'Report ready at the end of the test instead of **2 days** later',
        'No transcription errors in 9 months',
        'Test bay throughput up **18%**',
      ),
      'This is shared inside the company first; we will publish it once the customer template changes are agreed.',
    ),
    technologies: ['Test automation', 'PLC'], tags: ['Paperless', 'Quality assurance'], vendors: ['Megger', 'OMICRON'],
    outcomes: { roiPercent: 300, paybackMonths: 9, investmentSar: 180_000, annualSavingsSar: 240_000, efficiencyGainPercent: 18, qualityImprovementPercent: 100 },
  },
  {
    by: 'sultan.aldawsari', place: 'khobar', daysAgo: 45, implementationMonths: 4, category: 'automation',
    industry: 'automotive_parts', views: 37, likes: 6, saves: 3,
    title: 'روبوتات لحام تعاونية في خط حوامل الهيكل بالخبر',
    summary: 'أدخلنا روبوتين تعاونيين للحام حوامل الهيكل إلى جانب اللحامين، فارتفع الإنتاج ٣١٪ وانخفضت عيوب اللحام إلى النصف دون إعادة تصميم الخط.',
    challenge: md(
      'خط حوامل الهيكل في مصنعنا بالخبر يعتمد على اللحام اليدوي في أربع محطات. الطلب من مصانع التجميع زاد، ووجدنا صعوبة في استقطاب لحامين معتمدين والمحافظة عليهم.',
      'كانت جودة اللحام تختلف من وردية لأخرى، وكانت نسبة الإعادة في فحص الجودة تصل إلى **٧٪**، أما تركيب روبوت صناعي تقليدي فيحتاج أقفاصًا ومساحة لا تتوفر لدينا.',
    ),
    solution: md(
      'اخترنا روبوتات تعاونية تعمل بجوار اللحام دون أقفاص، مع مستشعرات تُوقف الحركة عند الاقتراب منها. اللحام البشري يركّب القطع ويثبّتها، والروبوت ينفذ خطوط اللحام الطويلة المتكررة.',
      steps(
        'تجربة على محطة واحدة لمدة ستة أسابيع',
        'تدريب أربعة لحامين على برمجة المسارات بالسحب اليدوي',
        'تعميم الحل على محطتين مع تقييم مخاطر معتمد من فريق السلامة',
      ),
    ),
    results: md(
      bullets(
        'ارتفع الإنتاج بنسبة **٣١٪** في الوردية',
        'انخفضت عيوب اللحام من ٧٪ إلى **٣٫٢٪**',
        'لم تُسجَّل أي إصابة مرتبطة بالروبوتات',
        'فترة الاسترداد نحو ١٧ شهرًا',
      ),
      'اللحامون أصبحوا مشرفين على الروبوتات، وهذا رفع رضاهم الوظيفي بدل أن يقلقهم.',
    ),
    technologies: ['Cobots', 'Robotic welding'], tags: ['Lean', 'رؤية 2030'], vendors: ['Universal Robots', 'Fronius'],
    outcomes: { roiPercent: 108, paybackMonths: 17.3, investmentSar: 780_000, annualSavingsSar: 540_000, efficiencyGainPercent: 31, qualityImprovementPercent: 54 },
    extraOutcomes: [{ label: 'Weld defect rate', value: 3.2, unit: '%' }],
  },
];
