/**
 * Bilingual industrial text for the forum benchmark data. Every list is ordered from common to rare
 * and picked with a skew towards its start, so searches meet frequent terms (pump, صيانة) and rare
 * ones (kurtosis, التكهف) alike.
 */

export type Random = () => number;

/** A small, fast, seeded generator (mulberry32): the same scale gives the same data. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, length), most often near 0: roughly Zipf-like for skew 2–3. */
export function skewedIndex(random: Random, length: number, skew = 2.2): number {
  return Math.min(length - 1, Math.floor(length * random() ** skew));
}

export function skewed<T>(random: Random, list: readonly T[], skew = 2.2): T {
  return list[skewedIndex(random, list.length, skew)]!;
}

export function anyOf<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const EN = {
  equipment: [
    'pump',
    'compressor',
    'conveyor',
    'motor',
    'gearbox',
    'boiler',
    'chiller',
    'extruder',
    'injection molding machine',
    'packaging line',
    'cooling tower',
    'heat exchanger',
    'air dryer',
    'hydraulic press',
    'filling machine',
    'CNC lathe',
    'mixer',
    'centrifugal fan',
    'screw compressor',
    'vacuum pump',
    'palletizer',
    'labeling machine',
    'kiln',
    'blow molding machine',
    'robot cell',
    'dosing pump',
    'reverse osmosis unit',
    'steam trap',
    'granulator',
    'shrink tunnel',
  ],
  part: [
    'bearing',
    'seal',
    'valve',
    'belt',
    'coupling',
    'impeller',
    'sensor',
    'filter',
    'gasket',
    'VFD',
    'PLC card',
    'encoder',
    'shaft',
    'mechanical seal',
    'solenoid valve',
    'pressure transmitter',
    'thermocouple',
    'contactor',
    'relay',
    'servo drive',
    'nozzle',
    'check valve',
    'rotor',
    'stator winding',
    'proximity switch',
    'load cell',
    'O-ring',
    'bushing',
  ],
  symptom: [
    'vibration',
    'overheating',
    'leakage',
    'noise',
    'downtime',
    'pressure drop',
    'high current',
    'corrosion',
    'wear',
    'misalignment',
    'oil contamination',
    'cavitation',
    'tripping',
    'scrap rate',
    'short cycling',
    'foaming',
    'low flow',
    'scaling',
    'backlash',
    'harmonic distortion',
    'bearing fatigue',
    'imbalance',
    'resonance',
    'surging',
    'looseness',
    'soft foot',
    'kurtosis spikes',
  ],
  system: [
    'PLC',
    'SCADA',
    'HMI',
    'MES',
    'ERP',
    'OPC UA',
    'Modbus TCP',
    'Profinet',
    'MQTT',
    'historian',
    'CMMS',
    'DCS',
    'Ignition',
    'Node-RED',
    'Siemens S7-1500',
    'Allen-Bradley ControlLogix',
    'EtherNet/IP',
    'Grafana',
    'InfluxDB',
    'edge gateway',
    'LoRaWAN',
    'HART',
    'BACnet',
    'Wonderware',
    'TIA Portal',
    'CODESYS',
  ],
  metric: [
    'OEE',
    'uptime',
    'MTBF',
    'MTTR',
    'yield',
    'energy consumption',
    'throughput',
    'first pass yield',
    'cycle time',
    'availability',
    'defect rate',
    'Cpk',
    'changeover time',
    'power factor',
    'specific energy',
    'takt time',
    'scrap cost',
  ],
  practice: [
    'preventive maintenance',
    'predictive maintenance',
    'root cause analysis',
    'lubrication schedule',
    'vibration analysis',
    'calibration',
    'condition monitoring',
    'spare parts planning',
    'TPM',
    'Six Sigma',
    'Kaizen',
    'SMED',
    'FMEA',
    '5S',
    'SPC',
    'thermography',
    'ultrasonic testing',
    'laser alignment',
    'oil analysis',
    'machine vision',
    'anomaly detection',
    'digital twin',
    'ISO 9001 audit',
    'SASO certification',
    'motor current signature analysis',
    'Weibull analysis',
  ],
  place: [
    'line 1',
    'line 2',
    'line 3',
    'the packing hall',
    'the utility room',
    'the press shop',
    'the paint shop',
    'the warehouse',
    'the boiler house',
    'the clean room',
  ],
  event: [
    'the shutdown',
    'the last overhaul',
    'a power outage',
    'the summer heat',
    'a product changeover',
    'the firmware update',
    'the night shift',
    'Ramadan hours',
    'the audit',
    'a sandstorm',
  ],
} as const;

const AR = {
  equipment: [
    'المضخة',
    'الضاغط',
    'السير الناقل',
    'المحرك',
    'صندوق التروس',
    'الغلاية',
    'المبرد',
    'آلة البثق',
    'آلة الحقن',
    'خط التعبئة',
    'برج التبريد',
    'المبادل الحراري',
    'مجفف الهواء',
    'المكبس الهيدروليكي',
    'آلة التعبئة',
    'المخرطة',
    'الخلاط',
    'المروحة الطاردة',
    'الضاغط اللولبي',
    'مضخة التفريغ',
    'الفرن',
    'آلة النفخ',
    'الروبوت',
    'مضخة الجرعات',
    'وحدة التناضح العكسي',
  ],
  part: [
    'المحمل',
    'مانع التسرب',
    'الصمام',
    'السير',
    'الوصلة',
    'الريشة',
    'الحساس',
    'الفلتر',
    'الحشية',
    'محول التردد',
    'بطاقة PLC',
    'العمود',
    'الصمام اللولبي',
    'مرسل الضغط',
    'المزدوج الحراري',
    'الكونتاكتور',
    'المرحل',
    'الفوهة',
    'صمام عدم الرجوع',
    'العضو الدوار',
    'ملفات الجزء الثابت',
    'خلية الوزن',
  ],
  symptom: [
    'اهتزاز',
    'ارتفاع الحرارة',
    'تسرب',
    'ضوضاء',
    'توقف',
    'انخفاض الضغط',
    'ارتفاع التيار',
    'تآكل',
    'اهتراء',
    'عدم المحاذاة',
    'تلوث الزيت',
    'التكهف',
    'فصل متكرر',
    'نسبة الهالك',
    'رغوة',
    'ضعف التدفق',
    'ترسبات',
    'عدم الاتزان',
    'الرنين',
    'ارتخاء',
  ],
  metric: [
    'الكفاءة الكلية للمعدات',
    'زمن التشغيل',
    'متوسط الوقت بين الأعطال',
    'متوسط زمن الإصلاح',
    'الإنتاجية',
    'استهلاك الطاقة',
    'زمن الدورة',
    'نسبة العيوب',
    'زمن التبديل',
    'معامل القدرة',
    'الجاهزية',
  ],
  practice: [
    'الصيانة الوقائية',
    'الصيانة التنبؤية',
    'تحليل السبب الجذري',
    'جدول التشحيم',
    'تحليل الاهتزاز',
    'المعايرة',
    'مراقبة الحالة',
    'تخطيط قطع الغيار',
    'الصيانة الإنتاجية الشاملة',
    'ستة سيجما',
    'التحسين المستمر',
    'تحليل أنماط الفشل',
    'الضبط الإحصائي للعمليات',
    'التصوير الحراري',
    'الفحص بالموجات فوق الصوتية',
    'المحاذاة بالليزر',
    'تحليل الزيت',
    'الرؤية الآلية',
    'التوأم الرقمي',
    'تدقيق الأيزو',
    'شهادة ساسو',
  ],
  place: [
    'خط الإنتاج الأول',
    'خط الإنتاج الثاني',
    'صالة التغليف',
    'غرفة المرافق',
    'قسم المكابس',
    'قسم الدهان',
    'المستودع',
    'غرفة الغلايات',
  ],
  event: [
    'الإيقاف السنوي',
    'العمرة الأخيرة',
    'انقطاع الكهرباء',
    'حرارة الصيف',
    'تغيير المنتج',
    'تحديث البرنامج',
    'الوردية الليلية',
    'ساعات رمضان',
    'التدقيق',
    'العاصفة الرملية',
  ],
} as const;

type Slots = Record<keyof typeof EN, string>;
type ArSlots = Record<keyof typeof AR, string> & { system: string };

/** A fault or alarm code: thousands of them, so each is rare (a few dozen posts at scale 1). */
function faultCode(random: Random): string {
  return `${anyOf(random, ['F', 'E', 'A'])}${between(random, 1000, 9999)}`;
}

function fillEn(random: Random): Slots & { n: number; pct: number; code: string } {
  return {
    code: faultCode(random),
    equipment: skewed(random, EN.equipment),
    part: skewed(random, EN.part),
    symptom: skewed(random, EN.symptom),
    system: skewed(random, EN.system),
    metric: skewed(random, EN.metric),
    practice: skewed(random, EN.practice),
    place: anyOf(random, EN.place),
    event: anyOf(random, EN.event),
    n: between(random, 2, 48),
    pct: between(random, 3, 40),
  };
}

function fillAr(random: Random): ArSlots & { n: number; pct: number; code: string } {
  return {
    code: faultCode(random),
    equipment: skewed(random, AR.equipment),
    part: skewed(random, AR.part),
    symptom: skewed(random, AR.symptom),
    system: skewed(random, EN.system, 2.6),
    metric: skewed(random, AR.metric),
    practice: skewed(random, AR.practice),
    place: anyOf(random, AR.place),
    event: anyOf(random, AR.event),
    n: between(random, 2, 48),
    pct: between(random, 3, 40),
  };
}

const EN_TITLES: ((s: ReturnType<typeof fillEn>) => string)[] = [
  (s) => `${cap(s.equipment)} ${s.symptom} after ${s.event}`,
  (s) => `How do you reduce ${s.symptom} on a ${s.equipment}?`,
  (s) => `Connecting ${s.system} to our ${s.equipment} for ${s.practice}`,
  (s) => `${s.metric} dropped ${s.pct}% on ${s.place}: where to start?`,
  (s) => `Best ${s.practice} interval for a ${s.equipment} ${s.part}`,
  (s) => `${cap(s.part)} failing every ${s.n} days on the ${s.equipment}`,
  (s) => `Experience with ${s.system} for ${s.metric} tracking?`,
  (s) => `${cap(s.practice)} checklist for ${s.equipment}s`,
];

const EN_SENTENCES: ((s: ReturnType<typeof fillEn>) => string)[] = [
  (s) => `The ${s.equipment} on ${s.place} shows ${s.symptom} since ${s.event}.`,
  (s) => `We replaced the ${s.part} twice and the ${s.symptom} came back within ${s.n} days.`,
  (s) => `Our ${s.metric} is down ${s.pct}% this quarter and most of the losses trace back to the ${s.equipment}.`,
  (s) => `Has anyone connected ${s.system} to a ${s.equipment} to log ${s.metric} automatically?`,
  (s) => `${cap(s.practice)} every ${s.n} weeks cut our ${s.symptom} problems by about ${s.pct}%.`,
  (s) => `Check the ${s.part} first: ${s.symptom} on a ${s.equipment} is usually a ${s.part} or alignment issue.`,
  (s) => `We track ${s.metric} in ${s.system} and alarm when it moves more than ${s.pct}% from the baseline.`,
  (s) => `The vendor recommends ${s.practice} before replacing the ${s.part}.`,
  (s) => `After ${s.event} the ${s.equipment} needed a new ${s.part} and a full ${s.practice}.`,
  (s) => `Thanks, the ${s.practice} tip solved the ${s.symptom} on our ${s.equipment}.`,
  (s) => `What spare ${s.part} stock do you keep for ${s.n} ${s.equipment}s?`,
  (s) => `Our maintenance team logs every ${s.symptom} event in ${s.system} so the MTBF figures stay honest.`,
  (s) => `The ${s.equipment} stopped with fault code ${s.code} on the ${s.system} screen; the manual says to check the ${s.part}.`,
];

const AR_TITLES: ((s: ReturnType<typeof fillAr>) => string)[] = [
  (s) => `${s.symptom} في ${s.equipment} بعد ${s.event}`,
  (s) => `كيف نقلل ${s.symptom} في ${s.equipment}؟`,
  (s) => `ربط ${s.system} مع ${s.equipment} من أجل ${s.practice}`,
  (s) => `انخفاض ${s.metric} بنسبة ${s.pct}% في ${s.place}`,
  (s) => `أفضل جدول ${s.practice} لـ${s.part} في ${s.equipment}`,
  (s) => `تلف ${s.part} كل ${s.n} يوما في ${s.equipment}`,
  (s) => `تجربتكم مع ${s.system} لمتابعة ${s.metric}؟`,
];

const AR_SENTENCES: ((s: ReturnType<typeof fillAr>) => string)[] = [
  (s) => `${s.equipment} في ${s.place} تعاني من ${s.symptom} منذ ${s.event}.`,
  (s) => `استبدلنا ${s.part} مرتين وعادت مشكلة ${s.symptom} خلال ${s.n} يوما.`,
  (s) => `انخفضت ${s.metric} بنسبة ${s.pct}% هذا الربع ومعظم الخسائر سببها ${s.equipment}.`,
  (s) => `هل قام أحد بربط ${s.system} مع ${s.equipment} لتسجيل ${s.metric} تلقائيا؟`,
  (s) => `${s.practice} كل ${s.n} أسابيع خفضت مشاكل ${s.symptom} بنحو ${s.pct}%.`,
  (s) => `افحص ${s.part} أولا، فمشكلة ${s.symptom} في ${s.equipment} غالبا سببها ${s.part} أو المحاذاة.`,
  (s) => `نتابع ${s.metric} على ${s.system} وننبه عند تغيرها أكثر من ${s.pct}%.`,
  (s) => `ينصح المورد بإجراء ${s.practice} قبل تغيير ${s.part}.`,
  (s) => `بعد ${s.event} احتاجت ${s.equipment} إلى ${s.part} جديد و${s.practice} كاملة.`,
  (s) => `شكرا، نصيحة ${s.practice} حلت مشكلة ${s.symptom} في ${s.equipment} عندنا.`,
  (s) => `فريق الصيانة يسجل كل حالة ${s.symptom} في ${s.system} لمتابعة الجودة وخط الإنتاج.`,
  (s) => `توقفت ${s.equipment} برمز العطل ${s.code} على شاشة ${s.system}، والدليل ينصح بفحص ${s.part}.`,
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type Language = 'en' | 'ar';

export function topicTitle(random: Random, language: Language): string {
  return language === 'en' ? anyOf(random, EN_TITLES)(fillEn(random)) : anyOf(random, AR_TITLES)(fillAr(random));
}

/** One to three paragraphs of `sentences` sentences in all. */
export function paragraphs(random: Random, language: Language, sentences: number): string {
  const parts: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < sentences; i += 1) {
    current.push(language === 'en' ? anyOf(random, EN_SENTENCES)(fillEn(random)) : anyOf(random, AR_SENTENCES)(fillAr(random)));
    if (current.length >= 2 && random() < 0.35 && parts.length < 2) {
      parts.push(current.join(' '));
      current = [];
    }
  }
  if (current.length > 0) parts.push(current.join(' '));
  return parts.join('\n\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The body as escaped `<p>` paragraphs (what the Markdown renderer makes of plain text). */
export function toHtml(body: string): string {
  if (body === '') return '';
  return body
    .split('\n\n')
    .map((p) => `<p>${p.replace(/[&<>"']/g, (c) => ESCAPES[c]!)}</p>`)
    .join('\n');
}

/** What people type into forum search, common first (as stored in the search log: lower-cased). */
export const SEARCH_TERMS: readonly string[] = [
  'pump',
  'vibration',
  'صيانة',
  'compressor',
  'plc',
  'مضخة',
  'oee',
  'bearing',
  'scada',
  'الجودة',
  'leakage',
  'ضاغط',
  'preventive maintenance',
  'اهتزاز',
  'motor',
  'خط الإنتاج',
  'seal',
  'overheating',
  'تسرب',
  'hmi',
  'calibration',
  'المعايرة',
  'mqtt',
  'opc ua',
  'energy consumption',
  'استهلاك الطاقة',
  'gearbox',
  'conveyor',
  'predictive maintenance',
  'الصيانة التنبؤية',
  'root cause analysis',
  'vfd',
  'cavitation',
  'التكهف',
  'thermography',
  'التصوير الحراري',
  'mtbf',
  'six sigma',
  'kaizen',
  'smed',
  'fmea',
  'digital twin',
  'التوأم الرقمي',
  'modbus tcp',
  'profinet',
  'ignition',
  'lorawan',
  'weibull analysis',
  'soft foot',
  'kurtosis',
  'saso certification',
  'شهادة ساسو',
  'مانع التسرب',
  'المبادل الحراري',
];

/** Search queries for the benchmark: frequent single words, pairs, phrases and rare words, in both languages. */
export const BENCH_SEARCH_QUERIES: readonly string[] = [
  'pump',
  'vibration',
  'compressor bearing',
  'PLC',
  'OEE',
  'seal leakage',
  'preventive maintenance',
  '"root cause analysis"',
  'SCADA historian',
  'cavitation impeller',
  'kurtosis',
  'Weibull',
  'soft foot',
  'LoRaWAN',
  'thermography',
  'MQTT edge gateway',
  'OPC UA',
  'pump -vibration',
  'صيانة',
  'مضخة',
  'الضاغط',
  'اهتزاز المحمل',
  'الصيانة الوقائية',
  'خط الإنتاج',
  'الجودة',
  'التكهف',
  'شهادة ساسو',
  'التوأم الرقمي',
  'تسرب الزيت',
  'صيانة pump',
  'PLC المحرك',
  'التصوير الحراري',
  'مبادل حراري',
  'F4711',
  'E2048 pump',
  'رمز العطل A1234',
];

/** What people type into the search box before they finish: prefixes and misspellings, in both languages. */
export const BENCH_SUGGESTION_QUERIES: readonly string[] = [
  'pu',
  'pum',
  'comp',
  'compres',
  'compresor',
  'vibr',
  'vibraton',
  'maint',
  'maintanence',
  'bear',
  'bearnig',
  'scad',
  'cavit',
  'cavitaton',
  'thermo',
  'calibr',
  'callibration',
  'conv',
  'conveyer',
  'gearbx',
  'over',
  'overheting',
  'pred',
  'lubric',
  'lubrication sch',
  'مض',
  'مضخ',
  'مضخه',
  'صيا',
  'صيانه',
  'ضاغ',
  'الضواغط',
  'اهتز',
  'اهتذاز',
  'الجود',
  'خط الانتاج',
  'تسر',
  'المعاير',
  'التكهف',
  'حساس',
];
