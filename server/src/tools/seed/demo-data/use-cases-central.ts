import { bullets, type DemoUseCase, md, steps } from './use-case-types.js';

/** Demo use cases from Riyadh, Al-Kharj, Sudair, Qassim and Hail. */
// prettier-ignore
export const CENTRAL_USE_CASES: readonly DemoUseCase[] = [
  {
    by: 'noura.alsubaie', place: 'riyadh-2nd-industrial-city', daysAgo: 480, implementationMonths: 11, category: 'ai',
    industry: 'metals_steel', featured: true, verified: true, cover: true, views: 132, likes: 19, saves: 12,
    title: 'Machine learning cuts electric arc furnace energy by 9%',
    titleAr: 'التعلم الآلي يخفض استهلاك الطاقة في فرن القوس الكهربائي بنسبة ٩٪',
    summary: 'A model trained on 40,000 heats recommends the power profile and oxygen and carbon injection for each heat at Najd Steel\u2019s 120-tonne furnace. Electricity per tonne fell 9% and tap-to-tap time by 4 minutes.',
    summaryAr: 'نموذج مدرَّب على ٤٠ ألف صبة يقترح منحنى القدرة وحقن الأكسجين والكربون لكل صبة، فانخفض استهلاك الكهرباء لكل طن ٩٪ وقصر زمن الصبة أربع دقائق.',
    challenge: md(
      'The electric arc furnace is the largest single electricity consumer in Riyadh Second Industrial City that we know of: about **420 kWh per tonne** of liquid steel, 120 tonnes a heat, around 24 heats a day.',
      'Each melter ran the furnace his own way. The best shift used 8–10% less energy than the worst on the same scrap mix, but nobody could say exactly why, and the furnace supplier\u2019s static profiles did not adapt to the scrap we actually buy.',
      bullets(
        'Energy per tonne varied between 385 and 455 kWh',
        'Tap-to-tap time: 52 minutes on average',
        'Electrode consumption 1.9 kg per tonne',
      ),
    ),
    solution: md(
      'Our digital team joined five years of heat records (scrap buckets, additions, power, off-gas analysis, temperatures) into one data set and trained a gradient-boosted model that predicts energy needed and end temperature from the charge.',
      steps(
        'Data cleaning and a shared definition of a "good heat" with the melt shop',
        'An advisory screen for the melter: recommended power steps and injection rates, with the expected saving',
        'Six months of A/B comparison, alternating advisory on and off by week',
        'Closed-loop power setpoints on the furnace PLC once the melters trusted the advice',
      ),
      'The model is retrained monthly; a drift alarm fires when predictions and measured temperatures diverge.',
    ),
    results: md(
      bullets(
        'Electricity per tonne down **9%** (from 421 to 383 kWh/t on average)',
        'Tap-to-tap time down **4 minutes**',
        'Electrode consumption down 6%',
        'Annual saving about **SAR 4.6 million** at current tariffs',
      ),
      'Melters now compare their heats against the model\u2019s expected energy every shift. The same approach is being tried on the ladle furnace.',
    ),
    technologies: ['Machine learning', 'PLC', 'Historian'],
    tags: ['Energy efficiency', 'كفاءة الطاقة', 'Industry 4.0', 'Vision 2030'], vendors: ['AVEVA', 'Microsoft Azure'],
    outcomes: { roiPercent: 393, paybackMonths: 7.3, investmentSar: 2_800_000, annualSavingsSar: 4_600_000, energySavingsPercent: 9, efficiencyGainPercent: 8 },
    extraOutcomes: [{ label: 'Energy per tonne', value: 383, unit: 'kWh/t' }, { label: 'Tap-to-tap time saved', value: 4, unit: 'min' }],
    edits: [
      {
        by: 'noura.alsubaie',
        daysAfter: 40,
        changes: [
          { field: 'annualSavingsSar', before: 4_100_000, after: 4_600_000 },
          { field: 'paybackMonths', before: 8.2, after: 7.3 },
        ],
      },
      {
        by: 'khalid.alqahtani',
        daysAfter: 130,
        changes: [
          { field: 'roiPercent', before: 339, after: 393 },
          { field: 'technologies', before: ['Machine learning', 'PLC'], after: ['Machine learning', 'PLC', 'Historian'] },
        ],
      },
    ],
  },
  {
    by: 'turki.almutairi', place: 'riyadh-2nd-industrial-city', daysAgo: 95, implementationMonths: 3, category: 'maintenance',
    industry: 'metals_steel', verified: true, views: 71, likes: 11, saves: 8,
    title: 'الصيانة التنبؤية لمضخات تبريد خطوط الدرفلة',
    summary: 'ركّبنا حساسات اهتزاز وحرارة على مضخات التبريد في خطوط الدرفلة، وربطناها بنظام إدارة الصيانة، فانخفضت أعطال المحامل المفاجئة بنسبة ٨٠٪ وتوقف الخط بسببها ٦٥٪.',
    challenge: md(
      'مضختا التبريد في خط الدرفلة (قدرة كل منهما ٧٥ كيلوواط) كانتا تفقدان محمل جهة الإدارة كل ثلاثة أشهر تقريبًا. كل عطل مفاجئ يوقف الخط بين ست وعشر ساعات.',
      'كانت الصيانة تصحيحية في الغالب: نغيّر المحمل بعد أن يتعطل. قراءات الاهتزاز اليدوية كانت شهرية، وغالبًا ما يحدث الارتفاع في الأسبوعين الأخيرين قبل العطل.',
      bullets('أربعة أعطال مفاجئة في السنة لكل مضخة', 'متوسط التوقف: **٨ ساعات** لكل عطل', 'تكلفة الإنتاج الضائع نحو ٧٠ ألف ريال للساعة'),
    ),
    solution: md(
      'ركّبنا حساسات اهتزاز لاسلكية على المحامل ترسل طيف الاهتزاز كل عشر دقائق، مع حساسات حرارة، وضبطنا حدود إنذار مبنية على خط أساس لكل مضخة.',
      bullets(
        'عند تجاوز الحد يُفتح أمر عمل تلقائيًا في نظام إدارة الصيانة مع صورة الطيف',
        'محاذاة الأعمدة بالليزر وهي ساخنة، بعد أن تبيّن أن التمدد الحراري يسبب انحرافًا بمقدار ٠٫٢ مم',
        'تحليل شهري للأسباب الجذرية مع فريق الموثوقية',
      ),
      'استفدنا كثيرًا من نقاش في منتدى المنصة حول محاذاة المضخات الساخنة.',
    ),
    results: md(
      bullets(
        'انخفضت الأعطال المفاجئة للمحامل بنسبة **٨٠٪**',
        'انخفض التوقف غير المخطط للخط بسبب المضخات **٦٥٪**',
        'ارتفع عمر المحمل من ٣ أشهر إلى أكثر من **١٤ شهرًا**',
        'الاسترداد خلال ٧ أشهر تقريبًا',
      ),
      'نعمل الآن على تعميم الصيانة التنبؤية على مراوح الفرن وصناديق التروس.',
    ),
    technologies: ['Vibration monitoring', 'Laser alignment', 'CMMS', 'Wireless sensors'],
    tags: ['الصيانة التنبؤية', 'Predictive maintenance', 'Reliability'], vendors: ['SKF', 'Emerson'],
    outcomes: { roiPercent: 405, paybackMonths: 7.1, investmentSar: 380_000, annualSavingsSar: 640_000, downtimeReductionPercent: 65 },
    extraOutcomes: [{ label: 'Bearing life', value: 14, unit: 'months' }],
    edits: [
      {
        by: 'turki.almutairi',
        daysAfter: 20,
        changes: [
          {
            field: 'tags',
            before: ['الصيانة التنبؤية', 'Reliability'],
            after: ['الصيانة التنبؤية', 'Predictive maintenance', 'Reliability'],
          },
        ],
      },
    ],
  },
  {
    by: 'yousef.alshehri', place: 'al-kharj', daysAgo: 360, implementationMonths: 12, category: 'digital_transformation',
    industry: 'pharmaceuticals', verified: true, views: 64, likes: 9, saves: 10,
    title: 'Electronic batch records replace paper in tablet manufacturing',
    titleAr: 'السجلات الإلكترونية للتشغيلات بدل الورق في تصنيع الأقراص',
    summary: 'Al-Kharj Pharmaceutical moved its tablet lines from paper batch records to a validated electronic system. Batch review went from 6 days to 1, and documentation deviations fell by 85%.',
    summaryAr: 'انتقلنا في خطوط الأقراص من سجلات التشغيل الورقية إلى نظام إلكتروني مُتحقَّق منه، فانخفض زمن مراجعة التشغيلة من ستة أيام إلى يوم واحد وانخفضت انحرافات التوثيق ٨٥٪.',
    challenge: md(
      'Each tablet batch produced a paper record of 80–120 pages: dispensing, granulation, compression, coating and packaging, with signatures and printouts from each machine.',
      'Quality assurance needed about **six working days** to review a batch before release, and most deviations were about documentation — a missing signature, a wrong time, an illegible figure — not about the product itself.',
    ),
    solution: md(
      'We implemented an electronic batch record system integrated with the scales, the granulator and the tablet presses, and validated it against GMP and 21 CFR Part 11 requirements.',
      steps(
        'User requirements and risk assessment with production, QA and IT',
        'Master batch records rebuilt as electronic recipes for the 14 highest-volume products',
        'Installation, operational and performance qualification over four months',
        'Parallel paper and electronic records on three batches per product before switching',
      ),
      bullets(
        'Weights and machine parameters captured directly, never typed',
        'Review by exception: QA sees only the out-of-range values',
        'Audit trail and electronic signatures on every step',
      ),
    ),
    results: md(
      bullets(
        'Batch review time from 6 days to **1 day**',
        'Documentation deviations down **85%**',
        'Finished-goods stock reduced by a week of sales',
        'Paper: about 90,000 pages a year saved',
      ),
      'The SFDA inspection after go-live closed with no observations on data integrity.',
    ),
    technologies: ['Electronic batch records', 'MES'], tags: ['GMP', 'Paperless', 'Data integrity'], vendors: ['Werum', 'Körber'],
    outcomes: { roiPercent: 86, paybackMonths: 19.4, investmentSar: 2_100_000, annualSavingsSar: 1_300_000, efficiencyGainPercent: 35, qualityImprovementPercent: 85 },
    extraOutcomes: [{ label: 'Batch review time', value: 1, unit: 'days' }],
  },
  {
    by: 'maha.alanazi', place: 'al-kharj', daysAgo: 120, implementationMonths: 5, category: 'quality', industry: 'pharmaceuticals',
    views: 39, likes: 5, saves: 4,
    title: 'فحص الأقراص بالرؤية الآلية قبل التعبئة',
    summary: 'نظام رؤية آلية يفحص كل قرص قبل التعبئة في الشرائط بحثًا عن الكسر والتشقق والبقع واختلاف اللون، فانخفضت شكاوى العملاء ٧٠٪ وتوقف الفحص البصري اليدوي.',
    challenge: md(
      'كان الفحص البصري للأقراص يتم يدويًا بعينة كل نصف ساعة قبل التعبئة. العيوب الصغيرة مثل الحواف المكسورة والبقع الداكنة تمر أحيانًا، وتصل إلى الصيدليات.',
      bullets(
        'شكاوى العملاء المتعلقة بمظهر الأقراص: نحو **٢٠ شكوى** سنويًا',
        'الفحص اليدوي يحتاج عاملين في كل وردية',
        'لا يوجد سجل مصوَّر للعيوب لتحليل أسبابها',
      ),
    ),
    solution: md(
      'ركّبنا كاميرتين عاليتي الدقة مع إضاءة قبّية منتشرة فوق ناقل التغذية لآلة التعبئة في الشرائط، مع صمام هواء يرفض الأقراص المعيبة.',
      bullets(
        'نموذج تعلم عميق مدرَّب على ١٢ ألف صورة مصنفة من فريق الجودة',
        'كل رفض يُحفظ بصورته في السجل الإلكتروني للتشغيلة',
        'تحقق من النظام وفق متطلبات الأنظمة المحوسبة',
      ),
    ),
    results: md(
      bullets(
        'انخفضت شكاوى العملاء بنسبة **٧٠٪**',
        'نسبة اكتشاف العيوب **٩٩٫٤٪** في اختبار التحقق',
        'نُقل عاملا الفحص اليدوي إلى مهام أخرى في الجودة',
        'الاسترداد خلال ١٥ شهرًا تقريبًا',
      ),
      'الخطوة التالية ربط النظام بآلة الكبس، حتى يُعدَّل ضغط الكبس تلقائيًا عندما تزداد نسبة التشققات.',
    ),
    technologies: ['Machine vision', 'Deep learning'], tags: ['GMP', 'Quality assurance'], vendors: ['Cognex'],
    outcomes: { roiPercent: 143, paybackMonths: 14.8, investmentSar: 690_000, annualSavingsSar: 560_000, qualityImprovementPercent: 70 },
    extraOutcomes: [{ label: 'Defect detection rate', value: 99.4, unit: '%' }],
  },
  {
    by: 'ghada.alrashidi', place: 'hail', daysAgo: 450, implementationMonths: 14, category: 'energy', industry: 'cement',
    featured: true, views: 77, likes: 12, saves: 7,
    title: 'Waste-heat recovery on the clinker cooler and preheater',
    summary: 'A 4.2 MW waste-heat recovery plant turns hot exhaust gas from Aja Cement\u2019s kiln into electricity, covering 14% of the plant\u2019s power. Payback is two and a half years.',
    challenge: md(
      'Our kiln line near Hail produces about 5,000 tonnes of clinker a day. The preheater exhaust leaves at around 330 °C and the cooler vent at 280 °C, and all of that heat went up the stack.',
      'Power is the second-largest cost after fuel, and the grid connection at the plant limits how much more we can draw for the planned second cement mill.',
    ),
    solution: md(
      'We built a steam-cycle waste-heat recovery plant with two boilers — one on the preheater exhaust and one on the cooler mid-tap — feeding a 4.2 MW turbine.',
      bullets(
        'Boilers designed for the dusty gas with rapping systems to keep the tubes clean',
        'Air-cooled condenser, because water is scarce in the region',
        'The kiln\u2019s distributed control system runs the boilers, so kiln operators keep priority over power output',
      ),
      'Construction took 14 months, with the tie-ins done during the annual kiln shutdown.',
    ),
    results: md(
      bullets(
        'Average output **3.6 MW**, 14% of the plant\u2019s consumption',
        'CO₂ avoided: about 19,000 tonnes a year',
        'Savings of about **SAR 8.4 million** a year',
        'No loss of kiln availability from the boilers',
      ),
      'Payback is 30 months. We now run an energy review every month with power per tonne of cement as the key figure.',
    ),
    technologies: ['Waste-heat recovery', 'DCS'], tags: ['Energy efficiency', 'Sustainability', 'Vision 2030'],
    vendors: ['Sinoma Energy Conservation', 'ABB'],
    outcomes: { roiPercent: 20, paybackMonths: 30, investmentSar: 21_000_000, annualSavingsSar: 8_400_000, energySavingsPercent: 14 },
    extraOutcomes: [{ label: 'Power generated', value: 3.6, unit: 'MW' }, { label: 'CO₂ avoided', value: 19000, unit: 't/year' }],
  },
  {
    by: 'abdulrahman.alsulaim', place: 'buraydah', daysAgo: 75, implementationMonths: 4, category: 'ai', industry: 'food_beverage',
    views: 52, likes: 8, saves: 6,
    title: 'Machine-vision date sorting for a Qassim packing house',
    titleAr: 'فرز التمور بالرؤية الآلية لمصنع تعبئة في القصيم',
    summary: 'A six-lane optical sorter grades dates by colour, size and skin defects at 4 tonnes an hour. Grading accuracy rose to 97% and the packing house needs 14 fewer seasonal sorters.',
    summaryAr: 'فرّازة ضوئية بستة مسارات تصنّف التمور حسب اللون والحجم وعيوب القشرة بطاقة ٤ أطنان في الساعة، فارتفعت دقة التصنيف إلى ٩٧٪.',
    challenge: md(
      'Our customer, a date packing house near Buraydah, sorted Sukkari and Khalas dates by hand on long tables during the harvest season. Finding 40 trained sorters for three months every year was getting harder.',
      'Hand grading was inconsistent between tables and between the start and end of a shift, and export customers rejected lots for mixed grades.',
    ),
    solution: md(
      'We integrated a six-lane optical sorter with two colour cameras per lane and air ejectors, and trained its grading model on dates the customer\u2019s graders had sorted.',
      steps(
        'Two weeks of image collection at the start of the season',
        'Grade definitions agreed with the export customers',
        'PLC control of the feeder and conveyors, with a SCADA screen for the supervisor',
        'Daily calibration with reference trays',
      ),
      'Lighting was the hardest part: diffuse dome LEDs at 5000 K and a black belt gave stable colours.',
    ),
    results: md(
      bullets(
        'Grading accuracy **97%** against expert graders (hand sorting: about 85%)',
        'Throughput **4 t/h**',
        '14 fewer seasonal sorters',
        'Lot rejections by export customers: none this season',
      ),
      'The sorter runs about 1,100 hours a season; outside the harvest it grades dates from cold storage for the packing lines.',
    ),
    technologies: ['Machine vision', 'PLC', 'SCADA'], tags: ['Quality assurance', 'Agritech'],
    vendors: ['TOMRA', 'Qassim Industrial Automation'],
    outcomes: { roiPercent: 135, paybackMonths: 15.3, investmentSar: 1_250_000, annualSavingsSar: 980_000, qualityImprovementPercent: 14, efficiencyGainPercent: 40 },
    extraOutcomes: [{ label: 'Throughput', value: 4, unit: 't/h' }],
  },
  {
    by: 'fahad.alrashid', place: 'sudair', daysAgo: 12, implementationMonths: 5, category: 'automation',
    industry: 'building_materials', views: 23, likes: 4, saves: 2,
    title: 'تكديس الطوب الخرساني آليًا في مدينة سدير',
    summary: 'استبدلنا التكديس اليدوي للطوب الخرساني بروبوت تكديس بأربعة محاور، فارتفع إنتاج الخط ٢٢٪ وانتهت إصابات الظهر التي كانت تتكرر بين العمال.',
    challenge: md(
      'خط إنتاج الطوب الخرساني في مصنعنا ينتج نحو ١٢ ألف طوبة في الوردية، وكان ستة عمال يكدسونها يدويًا على المنصات بعد المعالجة. الطوبة الواحدة تزن بين ١٥ و٢٢ كيلوغرامًا.',
      bullets('إصابات ظهر متكررة وإجازات مرضية', 'الخط يتوقف عندما يتأخر التكديس', 'صعوبة في توظيف عمال لهذا العمل الشاق في الصيف'),
    ),
    solution: md(
      'ركّبنا روبوت تكديس بأربعة محاور مع ماسك مخصص يحمل صفًا كاملًا من الطوب، وخط نقل للمنصات الفارغة والممتلئة، وسياجًا وحواجز ضوئية للسلامة.',
      bullets('برمجة أنماط التكديس لكل مقاس من شاشة المشغل', 'ربط الروبوت بوحدة التحكم في الخط حتى يتباطأ الخط بدل أن يتوقف'),
    ),
    results: md(
      bullets(
        'ارتفع إنتاج الخط **٢٢٪**',
        'لا إصابات ظهر منذ التشغيل',
        'نُقل أربعة عمال إلى مهام الصيانة والجودة بعد تدريبهم',
        'الاسترداد نحو ٢٣ شهرًا',
      ),
      'أكبر تحدٍّ كان تدريب المشغلين على تغيير أنماط التكديس، فأعددنا دليلًا مصوّرًا بالعربية لكل مقاس.',
    ),
    technologies: ['Robotics', 'PLC'], tags: ['HSE', 'رؤية 2030'], vendors: ['FANUC'],
    outcomes: { roiPercent: 57, paybackMonths: 22.9, investmentSar: 860_000, annualSavingsSar: 450_000, efficiencyGainPercent: 22 },
    extraOutcomes: [{ label: 'Blocks per shift', value: 14600, unit: 'blocks' }],
  },
];
