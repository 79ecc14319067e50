/**
 * Bilingual text and vocabularies for the use-case benchmark data: about 150 technologies and 200
 * tags (ordered from common to rare and picked with a Zipf-like skew), titles, summaries and the
 * challenge / solution / results sections in English and Arabic, and what people type into the
 * library's search box.
 */
import type { Industry, UseCaseCategory } from '@p2p/contracts';
import { type Random, anyOf, between, skewed } from './forum-text.js';

/** Technologies, most used first. Ordered lists make `skewed` pick them Zipf-like. */
export const TECHNOLOGIES: readonly string[] = [
  'PLC', 'SCADA', 'Machine learning', 'MES', 'Machine vision', 'OPC UA', 'Vibration monitoring', 'Wireless sensors', 'CMMS', 'HMI',
  'Edge computing', 'MQTT', 'Historian', 'Cloud dashboards', 'Robotics', 'ERP', 'Digital twin', 'VFD', 'Computer vision', 'DCS',
  'Energy management system', 'Deep learning', 'Anomaly detection', 'Cobots', 'Predictive analytics', 'Thermography', 'RFID', 'Mobile apps',
  'LoRaWAN', 'Power BI', 'Solar PV', 'Condition monitoring', 'SPC', 'WMS', 'Advanced process control', 'Waste-heat recovery', 'AGVs',
  'Augmented reality', 'Drones', 'Modbus TCP', 'Profinet', 'Barcode scanning', 'Smart meters', 'Grafana', 'Private LTE', 'Data lake',
  'Compressed-air leak detection', 'High-efficiency motors', 'Battery storage', 'Electronic batch records', 'LIMS', 'Process control',
  'Robotic welding', 'Automated optical inspection', 'Servo drives', 'Oil analysis', 'Laser alignment', 'Ultrasonic testing', 'Telematics',
  'GPS tracking', 'Route optimization', 'Demand forecasting', 'Generative AI', 'Large language models', 'Wearables', 'Gas detection',
  'Video analytics', 'EtherNet/IP', 'Time-series database', 'InfluxDB', 'Simulation', 'Soft sensors', 'Heat pumps', 'LED retrofit',
  'Cellular IoT', 'Edge gateway', 'Inline gauging', 'Motor current analysis', 'EAM', 'APS', 'QMS', 'Cold-chain sensors', 'Robotic palletizing',
  'AMRs', 'CNC', 'Additive manufacturing', 'Reverse osmosis', 'Water recycling', 'Economizers', 'Cogeneration', 'Variable-speed compressors',
  'Power quality analyzers', 'Submetering', 'Carbon accounting software', 'Batch control', 'CIP automation', 'Test automation', 'Safety PLC',
  'Motion control', 'Pick-to-light', 'Voice picking', 'Automated storage and retrieval', 'Conveyor automation', 'Packaging automation',
  'HART', 'BACnet', 'NB-IoT', '5G', 'Industrial Ethernet', 'Natural language processing', 'Reinforcement learning', 'Optimization solver',
  'Acoustic monitoring', 'Hyperspectral imaging', 'X-ray inspection', 'Photogrammetry', '3D scanning', 'Virtual reality training',
  'Smart glasses', 'Lone-worker devices', 'Smart PPE', 'Geofencing', 'Coordinate measuring machines', 'Laser marking', 'Metrology software',
  'Calibration management', 'Online partial discharge', 'Corrosion monitoring', 'Absorption chillers', 'Zero liquid discharge',
  'Blockchain traceability', 'Vendor portal', 'EDI', 'Control tower', 'Yard management', 'TMS', 'PLM', 'Low-code apps',
  'Document management', 'E-signatures', 'Exoskeletons', 'Laser cutting', 'Plasma cutting', '3D printing', 'Time-sensitive networking',
  'Wi-Fi 6', 'Soft starters', 'Pneumatic automation', 'Pick-and-place robots', 'Automated guided cranes', 'Spectroscopy', 'Ultrasonic flowmeters',
];

/** Tags in both languages, most used first. */
export const TAGS: readonly string[] = [
  'Energy efficiency', 'Industry 4.0', 'Vision 2030', 'كفاءة الطاقة', 'Predictive maintenance', 'التحول الرقمي', 'Lean', 'OEE',
  'Quality assurance', 'Cost reduction', 'رؤية 2030', 'Reliability', 'Scrap reduction', 'Sustainability', 'الصيانة التنبؤية', 'Productivity',
  'Traceability', 'Downtime reduction', 'HSE', 'الجودة', 'Paperless', 'Local content', 'خفض التكاليف', 'Throughput', 'Food safety',
  'Remote monitoring', 'السلامة', 'Carbon reduction', 'Six Sigma', 'Kaizen', 'TPM', 'الإنتاجية', 'Water', 'Compliance', 'Yield', 'GMP',
  'HACCP', 'Data integrity', 'Cold chain', 'Inventory', 'SMED', 'التوطين', 'الاستدامة', 'Changeover', 'Workforce training', 'Upskilling',
  'Fast payback', 'High ROI', 'Pilot project', 'Scale-up', 'Retrofit', 'Brownfield', 'Greenfield', 'Quick win', 'SME', 'تقليل الهدر',
  'Waste reduction', 'Recycling', 'Circular economy', 'Net zero', 'ISO 9001', 'ISO 14001', 'ISO 45001', 'ISO 50001', 'SASO', 'التتبع',
  'Saudization', 'Export readiness', 'MODON', 'Royal Commission', 'SIDF financing', 'Capacity expansion', 'Customer satisfaction',
  'Delivery performance', 'Supplier quality', 'Audit readiness', 'Cybersecurity', 'OT security', 'Cloud migration', 'Data governance',
  'Remote operations', 'سلسلة التبريد', 'الأتمتة', 'الثورة الصناعية الرابعة', 'Night shift', 'Summer peak', 'Ramadan operations',
  'Heat stress', 'Dust and sand', 'Desalination', 'Logistics hub', 'Port operations', 'Last mile', 'Fleet', 'Warehouse', 'Packaging',
  'Labelling', 'Batch release', 'Serialization', 'Recall readiness', 'Allergen control', 'Halal compliance', 'Shelf life', 'Raw material',
  'Spare parts', 'Obsolescence', 'Asset management', 'Root cause analysis', 'FMEA', 'SPC', 'Calibration', 'Metrology', 'Operator rounds',
  'Digital work instructions', 'Knowledge capture', 'Visual management', 'Andon', 'Kanban', 'Just in time', 'Demand planning', 'S&OP',
  'Procurement', 'Vendor management', 'Award winner', 'Best practice', 'Lessons learned', 'Interoperability', 'Standardization',
  'Modular design', 'Plug and play', 'Low cost', 'Energy audit', 'Peak shaving', 'Tariff optimisation', 'Steam', 'Compressed air',
  'Chilled water', 'Lighting', 'HVAC', 'Boilers', 'Pumps', 'Motors', 'Conveyors', 'Kilns', 'Furnaces', 'Extrusion', 'Injection molding',
  'Bottling', 'Filling', 'Welding', 'Machining', 'Painting', 'Assembly', 'Inspection', 'Sterilization', 'Mixing', 'Drying',
  'رفع الكفاءة', 'خفض الانبعاثات', 'إعادة التدوير', 'المياه', 'الطاقة الشمسية', 'سلامة الغذاء', 'الأمن السيبراني',
  'المنشآت الصغيرة والمتوسطة', 'التصدير', 'المدن الصناعية', 'الصيانة الوقائية', 'إدارة الأصول', 'التحسين المستمر', 'الإنتاج الرشيق',
  'تقليل التوقف', 'مراقبة الحالة', 'الذكاء الاصطناعي', 'إنترنت الأشياء', 'الروبوتات', 'المستودعات', 'الخدمات اللوجستية', 'التغليف',
  'الحلال', 'الأدوية', 'البتروكيماويات', 'الحديد والصلب', 'الأسمنت', 'البلاستيك', 'الأغذية والمشروبات', 'التعدين', 'تحلية المياه',
  'السعودة', 'العائد على الاستثمار', 'استرداد سريع', 'مشروع تجريبي', 'التوسع', 'تجربة ناجحة', 'أفضل الممارسات', 'الدروس المستفادة',
  'التدقيق', 'الامتثال', 'الشهادات', 'المحتوى المحلي', 'التدريب',
];

export const VENDORS: readonly string[] = [
  'Siemens', 'Schneider Electric', 'ABB', 'Rockwell Automation', 'Honeywell', 'Emerson', 'AVEVA', 'SAP', 'Microsoft Azure', 'AWS',
  'Yokogawa', 'SKF', 'Cognex', 'FANUC', 'KUKA', 'Bosch Rexroth', 'Keyence', 'PTC', 'GE Vernova', 'Inductive Automation', 'Danfoss',
  'Mitsubishi Electric', 'Omron', 'Universal Robots', 'Atlas Copco', 'Endress+Hauser', 'Fluke', 'Oracle', 'Hexagon', 'Zebra Technologies',
  'Huawei', 'stc', 'Mobily', 'Elm', 'Alfanar', 'Qassim Industrial Automation', 'Gulf Controls', 'Najd Digital', 'Red Sea Robotics', 'Milesight',
];

/** Per category: the technologies a case of it most often uses (names from TECHNOLOGIES), most used first. */
const CATEGORY_TECHNOLOGIES: Record<UseCaseCategory, readonly string[]> = {
  automation: ['PLC', 'HMI', 'Robotics', 'Cobots', 'VFD', 'Servo drives', 'Robotic palletizing', 'AGVs', 'Motion control', 'Packaging automation', 'Robotic welding', 'Conveyor automation'],
  quality: ['Machine vision', 'SPC', 'Automated optical inspection', 'Computer vision', 'Inline gauging', 'LIMS', 'QMS', 'X-ray inspection', 'Coordinate measuring machines', 'Deep learning'],
  maintenance: ['Vibration monitoring', 'CMMS', 'Wireless sensors', 'Thermography', 'Oil analysis', 'Laser alignment', 'Condition monitoring', 'Ultrasonic testing', 'Motor current analysis', 'EAM'],
  ai: ['Machine learning', 'Deep learning', 'Anomaly detection', 'Predictive analytics', 'Computer vision', 'Generative AI', 'Large language models', 'Optimization solver', 'Demand forecasting'],
  iot: ['Wireless sensors', 'LoRaWAN', 'MQTT', 'Edge computing', 'Edge gateway', 'Cellular IoT', 'NB-IoT', 'Smart meters', 'Private LTE', 'Cloud dashboards'],
  energy: ['Energy management system', 'Solar PV', 'Waste-heat recovery', 'VFD', 'Smart meters', 'Compressed-air leak detection', 'High-efficiency motors', 'Battery storage', 'Heat pumps', 'LED retrofit'],
  safety: ['Video analytics', 'Gas detection', 'Wearables', 'Smart PPE', 'Lone-worker devices', 'Geofencing', 'Safety PLC', 'Computer vision', 'Virtual reality training'],
  supply_chain: ['WMS', 'RFID', 'Barcode scanning', 'GPS tracking', 'Route optimization', 'Telematics', 'Cold-chain sensors', 'Control tower', 'Demand forecasting', 'TMS'],
  digital_transformation: ['MES', 'ERP', 'Cloud dashboards', 'Power BI', 'Mobile apps', 'Digital twin', 'Data lake', 'Electronic batch records', 'Low-code apps', 'OPC UA'],
  other: ['Additive manufacturing', '3D printing', 'Drones', 'Augmented reality', 'Simulation', 'Reverse osmosis', 'Water recycling'],
};

const INDUSTRY_NOUNS: Record<Industry, { en: string; ar: string }> = {
  oil_gas_services: { en: 'oilfield services', ar: 'خدمات حقول النفط' },
  petrochemicals: { en: 'petrochemicals', ar: 'البتروكيماويات' },
  plastics_rubber: { en: 'plastics', ar: 'البلاستيك' },
  metals_steel: { en: 'steel', ar: 'الحديد والصلب' },
  food_beverage: { en: 'food and beverage', ar: 'الأغذية والمشروبات' },
  pharmaceuticals: { en: 'pharmaceutical', ar: 'الأدوية' },
  building_materials: { en: 'building materials', ar: 'مواد البناء' },
  cement: { en: 'cement', ar: 'الأسمنت' },
  electrical_equipment: { en: 'electrical equipment', ar: 'المعدات الكهربائية' },
  electronics: { en: 'electronics', ar: 'الإلكترونيات' },
  automotive_parts: { en: 'automotive parts', ar: 'قطع السيارات' },
  textiles: { en: 'textile', ar: 'النسيج' },
  paper_packaging: { en: 'packaging', ar: 'الورق والتغليف' },
  chemicals: { en: 'chemicals', ar: 'الكيماويات' },
  mining: { en: 'mining', ar: 'التعدين' },
  water_utilities: { en: 'water', ar: 'المياه' },
  logistics: { en: 'logistics', ar: 'الخدمات اللوجستية' },
  other: { en: 'manufacturing', ar: 'التصنيع' },
};

const EN = {
  equipment: [
    'compressor', 'pump', 'conveyor', 'boiler', 'kiln', 'extruder', 'injection molding machine', 'packaging line', 'chiller', 'furnace',
    'filling machine', 'cooling tower', 'mixer', 'palletizer', 'CNC machine', 'heat exchanger', 'press', 'dryer', 'reactor', 'bottling line',
    'welding cell', 'paint shop', 'warehouse', 'truck fleet', 'reverse osmosis unit', 'crusher', 'rolling mill', 'steam network',
  ],
  metric: [
    'energy consumption', 'downtime', 'scrap', 'OEE', 'defect rate', 'changeover time', 'maintenance cost', 'throughput', 'water use',
    'first pass yield', 'inventory', 'lead time', 'fuel use', 'lost-time injuries', 'rework', 'cycle time', 'electricity bill', 'emissions',
  ],
  practice: [
    'predictive maintenance', 'preventive maintenance', 'quality inspection', 'energy monitoring', 'root cause analysis', 'condition monitoring',
    'production planning', 'inventory tracking', 'leak detection', 'operator rounds', 'batch records', 'safety monitoring', 'demand planning',
    'defect detection', 'load balancing', 'route planning', 'process optimisation', 'remote monitoring',
  ],
  place: ['line 1', 'line 3', 'the packing hall', 'the utility area', 'the press shop', 'the main warehouse', 'the boiler house', 'both plants', 'the night shift', 'the clean room'],
};

const AR = {
  equipment: [
    'الضاغط', 'المضخة', 'السير الناقل', 'الغلاية', 'الفرن الدوار', 'آلة البثق', 'آلة الحقن', 'خط التعبئة', 'المبرد', 'الفرن',
    'آلة التعبئة', 'برج التبريد', 'الخلاط', 'المبادل الحراري', 'المكبس', 'المجفف', 'المفاعل', 'خط التعبئة والتغليف', 'خلية اللحام',
    'قسم الدهان', 'المستودع', 'أسطول الشاحنات', 'وحدة التناضح العكسي', 'الكسارة', 'شبكة البخار',
  ],
  metric: [
    'استهلاك الطاقة', 'التوقفات', 'الهالك', 'كفاءة المعدات الشاملة', 'نسبة العيوب', 'زمن التبديل', 'تكلفة الصيانة', 'الإنتاجية', 'استهلاك المياه',
    'المخزون', 'زمن التوريد', 'استهلاك الوقود', 'إصابات العمل', 'إعادة التشغيل', 'زمن الدورة', 'فاتورة الكهرباء', 'الانبعاثات',
  ],
  practice: [
    'الصيانة التنبؤية', 'الصيانة الوقائية', 'فحص الجودة', 'مراقبة الطاقة', 'تحليل السبب الجذري', 'مراقبة الحالة', 'تخطيط الإنتاج',
    'تتبع المخزون', 'كشف التسربات', 'جولات المشغلين', 'سجلات الدفعات', 'مراقبة السلامة', 'تخطيط الطلب', 'كشف العيوب', 'تحسين العمليات',
    'المراقبة عن بعد',
  ],
  place: ['خط الإنتاج الأول', 'خط الإنتاج الثالث', 'صالة التغليف', 'منطقة المرافق', 'قسم المكابس', 'المستودع الرئيسي', 'غرفة الغلايات', 'المصنعين', 'الوردية الليلية'],
};

/** The slots one case's text is built from: the same technology and numbers run through title, summary and sections. */
export interface CaseSlots {
  tech: string;
  tech2: string;
  industry: Industry;
  pct: number;
  months: number;
  n: number;
  savings: number;
  en: { equipment: string; metric: string; practice: string; place: string };
  ar: { equipment: string; metric: string; practice: string; place: string };
}

export function caseSlots(random: Random, technologies: readonly string[], industry: Industry): CaseSlots {
  return {
    tech: technologies[0] ?? 'PLC',
    tech2: technologies[1] ?? technologies[0] ?? 'SCADA',
    industry,
    pct: between(random, 4, 45),
    months: between(random, 2, 18),
    n: between(random, 3, 60),
    savings: between(random, 1, 95) * 100,
    en: { equipment: skewed(random, EN.equipment, 1.6), metric: skewed(random, EN.metric, 1.6), practice: skewed(random, EN.practice, 1.6), place: anyOf(random, EN.place) },
    ar: { equipment: skewed(random, AR.equipment, 1.6), metric: skewed(random, AR.metric, 1.6), practice: skewed(random, AR.practice, 1.6), place: anyOf(random, AR.place) },
  };
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const industryEn = (s: CaseSlots) => INDUSTRY_NOUNS[s.industry].en;
const industryAr = (s: CaseSlots) => INDUSTRY_NOUNS[s.industry].ar;

const EN_TITLES: ((s: CaseSlots) => string)[] = [
  (s) => `${s.tech} cuts ${s.en.metric} by ${s.pct}% at a ${industryEn(s)} plant`,
  (s) => `${s.tech} and ${s.tech2} for ${s.en.practice} on the ${s.en.equipment}`,
  (s) => `How ${s.tech} lowered ${s.en.metric} ${s.pct}% in ${s.months} months`,
  (s) => `${cap(s.en.practice)} with ${s.tech}: ${s.pct}% less ${s.en.metric}`,
  (s) => `From paper to ${s.tech}: ${s.en.practice} in ${s.en.place}`,
  (s) => `${s.tech} pilot on ${s.n} ${s.en.equipment}s pays back in ${s.months} months`,
  (s) => `${cap(s.en.equipment)} ${s.en.practice} with ${s.tech} at a ${industryEn(s)} site`,
];

const AR_TITLES: ((s: CaseSlots) => string)[] = [
  (s) => `${s.tech} يخفض ${s.ar.metric} بنسبة ${s.pct}% في مصنع ${industryAr(s)}`,
  (s) => `${s.ar.practice} باستخدام ${s.tech} على ${s.ar.equipment}`,
  (s) => `كيف خفضنا ${s.ar.metric} ${s.pct}% خلال ${s.months} أشهر باستخدام ${s.tech}`,
  (s) => `مشروع تجريبي لـ${s.tech} على ${s.ar.equipment} يسترد تكلفته في ${s.months} شهرا`,
  (s) => `من الورق إلى ${s.tech}: ${s.ar.practice} في ${s.ar.place}`,
  (s) => `${s.ar.practice} في قطاع ${industryAr(s)} باستخدام ${s.tech} و${s.tech2}`,
];

export function caseTitle(random: Random, language: 'en' | 'ar', slots: CaseSlots): string {
  return language === 'en' ? anyOf(random, EN_TITLES)(slots) : anyOf(random, AR_TITLES)(slots);
}

const EN_SUMMARIES: ((s: CaseSlots) => string)[] = [
  (s) => `A ${industryEn(s)} manufacturer connected its ${s.en.equipment} to ${s.tech} for ${s.en.practice}. ${cap(s.en.metric)} fell ${s.pct}% and the project paid back in ${s.months} months.`,
  (s) => `${s.tech} and ${s.tech2} now watch ${s.n} ${s.en.equipment}s in ${s.en.place}. The team reports ${s.pct}% less ${s.en.metric} and SAR ${(s.savings * 1000).toLocaleString('en')} saved a year.`,
  (s) => `We replaced manual ${s.en.practice} with ${s.tech}. Within ${s.months} months ${s.en.metric} dropped by ${s.pct}% across ${s.en.place}.`,
];

const AR_SUMMARIES: ((s: CaseSlots) => string)[] = [
  (s) => `ربطت شركة في قطاع ${industryAr(s)} ${s.ar.equipment} بنظام ${s.tech} من أجل ${s.ar.practice}، فانخفض ${s.ar.metric} بنسبة ${s.pct}% واستردت التكلفة خلال ${s.months} أشهر.`,
  (s) => `يراقب ${s.tech} و${s.tech2} الآن ${s.n} من المعدات في ${s.ar.place}، مع انخفاض ${s.ar.metric} ${s.pct}% ووفورات سنوية تقارب ${s.savings} ألف ريال.`,
  (s) => `استبدلنا ${s.ar.practice} اليدوية بحل ${s.tech}، وخلال ${s.months} أشهر انخفض ${s.ar.metric} بنسبة ${s.pct}%.`,
];

export function caseSummary(random: Random, language: 'en' | 'ar', slots: CaseSlots): string {
  return language === 'en' ? anyOf(random, EN_SUMMARIES)(slots) : anyOf(random, AR_SUMMARIES)(slots);
}

type Section = 'challenge' | 'solution' | 'results';

const EN_SECTIONS: Record<Section, ((s: CaseSlots) => string)[]> = {
  challenge: [
    (s) => `The ${s.en.equipment} in ${s.en.place} was our largest source of ${s.en.metric}.`,
    (s) => `${cap(s.en.practice)} was done on paper and the figures reached management a week late.`,
    (s) => `Unplanned stops on the ${s.en.equipment} cost about ${s.n} hours a month.`,
    (s) => `Every shift ran the ${s.en.equipment} its own way, and ${s.en.metric} varied by ${s.pct}% between the best and the worst.`,
    (s) => `Summer peaks pushed ${s.en.metric} up and the maintenance team could not see problems coming.`,
    (s) => `Customers asked for data we could not produce: ${s.en.metric} per batch and full traceability.`,
  ],
  solution: [
    (s) => `We installed ${s.tech} on ${s.n} ${s.en.equipment}s and connected them to ${s.tech2}.`,
    (s) => `A two-month pilot in ${s.en.place} tested ${s.tech} before the rollout to the whole site.`,
    (s) => `Operators now see ${s.en.metric} live on a dashboard and log causes on a tablet.`,
    (s) => `The vendor integrated ${s.tech} with our existing ${s.tech2} so no line had to stop.`,
    (s) => `Alerts go to the maintenance planner when ${s.tech} detects a drift of more than ${s.pct}% from the baseline.`,
    (s) => `We trained ${s.n} technicians and wrote new work instructions for ${s.en.practice}.`,
  ],
  results: [
    (s) => `${cap(s.en.metric)} fell by ${s.pct}% within ${s.months} months.`,
    (s) => `Annual savings are about SAR ${(s.savings * 1000).toLocaleString('en')} and the investment paid back in ${s.months} months.`,
    (s) => `The approach is now being rolled out to ${s.n} more ${s.en.equipment}s.`,
    (s) => `Unplanned downtime on the ${s.en.equipment} dropped and OEE rose by ${Math.max(2, Math.round(s.pct / 3))} points.`,
    (s) => `The lesson: ${s.tech} only pays when the daily meeting uses the data.`,
  ],
};

const AR_SECTIONS: Record<Section, ((s: CaseSlots) => string)[]> = {
  challenge: [
    (s) => `كانت ${s.ar.equipment} في ${s.ar.place} أكبر مصدر لارتفاع ${s.ar.metric}.`,
    (s) => `كانت ${s.ar.practice} تتم على الورق وتصل الأرقام إلى الإدارة بعد أسبوع.`,
    (s) => `كلفتنا التوقفات غير المخططة في ${s.ar.equipment} نحو ${s.n} ساعة شهريا.`,
    (s) => `كانت كل وردية تشغل ${s.ar.equipment} بطريقتها، وتفاوت ${s.ar.metric} بنسبة ${s.pct}% بين الورديات.`,
    (s) => `رفعت ذروة الصيف ${s.ar.metric} ولم يكن فريق الصيانة يرى المشاكل قبل وقوعها.`,
  ],
  solution: [
    (s) => `ركبنا ${s.tech} على ${s.n} من ${s.ar.equipment} وربطناها بنظام ${s.tech2}.`,
    (s) => `اختبرنا ${s.tech} في مشروع تجريبي لمدة شهرين في ${s.ar.place} قبل التعميم على المصنع.`,
    (s) => `يرى المشغلون ${s.ar.metric} لحظيا على لوحة متابعة ويسجلون الأسباب على جهاز لوحي.`,
    (s) => `يرسل ${s.tech} تنبيها لمخطط الصيانة عند انحراف القراءات أكثر من ${s.pct}%.`,
    (s) => `دربنا ${s.n} فنيا وكتبنا تعليمات عمل جديدة لـ${s.ar.practice}.`,
  ],
  results: [
    (s) => `انخفض ${s.ar.metric} بنسبة ${s.pct}% خلال ${s.months} أشهر.`,
    (s) => `بلغت الوفورات السنوية نحو ${s.savings} ألف ريال واستردت التكلفة خلال ${s.months} شهرا.`,
    (s) => `نعمم الحل الآن على ${s.n} من ${s.ar.equipment} الإضافية.`,
    (s) => `الدرس الأهم: ${s.tech} لا يحقق العائد إلا إذا استخدم الاجتماع اليومي البيانات.`,
  ],
};

/** One section in 2–4 sentences, one or two paragraphs. */
export function caseSection(random: Random, language: 'en' | 'ar', section: Section, slots: CaseSlots): string {
  const templates = (language === 'en' ? EN_SECTIONS : AR_SECTIONS)[section];
  const count = between(random, 2, 4);
  const sentences: string[] = [];
  const start = Math.floor(random() * templates.length);
  for (let i = 0; i < count; i += 1) sentences.push(templates[(start + i) % templates.length]!(slots));
  if (count >= 3 && random() < 0.5) return `${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}`;
  return sentences.join(' ');
}

/** 1–6 distinct technologies: mostly the category's own, some from the whole vocabulary (Zipf-like). */
export function pickTechnologies(random: Random, category: UseCaseCategory): string[] {
  const wanted = Math.min(6, 1 + Math.floor(4 * random() ** 1.4) + (random() < 0.1 ? 2 : 0));
  const chosen = new Set<string>();
  const own = CATEGORY_TECHNOLOGIES[category];
  let guard = 0;
  while (chosen.size < wanted && guard < 50) {
    guard += 1;
    chosen.add(random() < 0.6 ? skewed(random, own, 1.5) : skewed(random, TECHNOLOGIES, 2.4));
  }
  return [...chosen];
}

/** 1–6 distinct tags, Zipf-like; Arabic-first cases lean to the Arabic ones. */
export function pickTags(random: Random, arabicFirst: boolean): string[] {
  const wanted = 1 + Math.floor(5 * random() ** 1.3);
  const chosen = new Set<string>();
  let guard = 0;
  while (chosen.size < wanted && guard < 50) {
    guard += 1;
    const tag = skewed(random, TAGS, 2.3);
    if (arabicFirst || !/[\u0600-\u06FF]/.test(tag) || random() < 0.5) chosen.add(tag);
  }
  return [...chosen];
}

export function pickVendors(random: Random): string[] {
  const count = random() < 0.2 ? 0 : between(random, 1, 3);
  return [...new Set(Array.from({ length: count }, () => skewed(random, VENDORS, 1.8)))];
}

export const REPORT_DETAILS: readonly string[] = [
  'The savings figure looks far too high for this investment.',
  'This reads like an advertisement for the vendor.',
  'The same case was posted twice by this company.',
  'It names a customer who did not agree to be mentioned.',
  'الأرقام غير منطقية مقارنة بحجم الاستثمار.',
  'المحتوى منسوخ من موقع المورد.',
];

/** Advanced-search queries: frequent single words, pairs, phrases and rarer terms, in both languages. */
export const BENCH_USE_CASE_QUERIES: readonly string[] = [
  'predictive maintenance', 'machine vision', 'energy', 'compressor', 'OEE', 'digital twin', 'vibration monitoring pump', 'solar',
  '"waste-heat recovery"', 'MES paperless', 'cold chain', 'robotic welding', 'SCADA', 'LoRaWAN', 'kiln energy', 'defect detection',
  'reverse osmosis water', 'downtime', 'boiler', 'hyperspectral imaging', 'exoskeletons', 'scrap -plastics',
  'الصيانة التنبؤية', 'كفاءة الطاقة', 'استهلاك الطاقة', 'الجودة', 'التحول الرقمي', 'الضاغط', 'المضخة', 'سلسلة التبريد', 'الهالك',
  'الغلاية', 'فحص الجودة', 'كشف العيوب', 'PLC الصيانة', 'Machine learning الطاقة',
];

/** What people type before they finish: prefixes, misspellings, company names, in both languages. */
export const BENCH_USE_CASE_SUGGESTIONS: readonly string[] = [
  'pred', 'predic', 'predictve', 'mach', 'machine vis', 'machne vision', 'ener', 'enrgy', 'vibr', 'vibraton', 'digi', 'digtal twin',
  'robo', 'robotcs', 'sola', 'comp', 'compresor', 'scad', 'opc', 'mqt', 'kiln', 'boil', 'cold ch', 'Riyadh Ste', 'Jubail', 'Jeddah Pack',
  'الصي', 'الصيانه', 'كفاءه', 'الطاق', 'الروب', 'التوأ', 'الجوده', 'مضخ', 'الضاغ', 'سلسله', 'شركة الرياض',
];
