import type { forumPosts, forumTopics } from '../../../modules/forum/index.js';
import { renderMarkdown } from '../../../platform/markdown.js';

/** A reply in a demo thread: who writes it (the local part of a demo email), what, and who likes it. */
export interface DemoPost {
  by: string;
  body: string;
  likes?: string[];
  best?: true;
  replies?: DemoPost[];
}

export interface DemoTopic {
  /** The slug of a default category. */
  category: string;
  by: string;
  title: string;
  body: string;
  likes?: string[];
  pinned?: true;
  locked?: true;
  views: number;
  /** How long ago the topic was started, in days. */
  daysAgo: number;
  posts: DemoPost[];
}

/** Twelve threads in English and Arabic across the six categories, replies up to three levels deep. */
// prettier-ignore
export const DEMO_TOPICS: readonly DemoTopic[] = [
  {
    category: 'general', by: 'noura.alsubaie', daysAgo: 40, views: 412, pinned: true,
    likes: ['faisal.alotaibi', 'reem.alghamdi', 'saad.aljuhani', 'bandar.alshammari'],
    title: 'Welcome to the forum — how to ask a good question',
    body: 'Welcome! When you ask, say **what equipment**, what you measured and what you already tried. Mark the reply that solved it as the best answer so others find it.\n\nأهلاً بكم! اكتبوا بالعربية أو بالإنجليزية، والبحث يجد الاثنين.',
    posts: [
      { by: 'faisal.alotaibi', body: 'Thanks Noura. Is there a place for vendor recommendations?', replies: [
        { by: 'noura.alsubaie', body: 'Use the General category, and keep it factual: what you bought, how it performed.' },
      ] },
    ],
  },
  {
    category: 'maintenance', by: 'khalid.alqahtani', daysAgo: 21, views: 238,
    likes: ['turki.almutairi', 'abdullah.alhajri', 'fahad.alrashid'],
    title: 'Bearing failures on the rolling-mill cooling pumps every 3 months',
    body: 'Our two 75 kW centrifugal pumps on the mill cooling loop lose the drive-end bearing every ~90 days. Vibration climbs from 2.8 to 7 mm/s in the last two weeks. Lubrication is per OEM schedule.\n\nWhat should we check first?',
    posts: [
      { by: 'abdullah.alhajri', best: true, likes: ['khalid.alqahtani', 'turki.almutairi', 'saad.aljuhani'], body: 'Check **shaft alignment** after the pump is hot. Thermal growth on those skids often adds 0.2 mm of offset. Laser alignment with the hot offsets fixed it for us.', replies: [
        { by: 'khalid.alqahtani', body: 'We aligned cold only. Do you have the offset values you used?', replies: [
          { by: 'abdullah.alhajri', body: 'Vertical +0.18 mm on the motor side for a 60 °C loop. Measure yours: it depends on the base.' },
        ] },
        { by: 'turki.almutairi', body: 'Same experience on our descaling pumps. Also check pipe strain: unbolt the suction flange and watch the dial.' },
      ] },
      { by: 'hussain.alnasser', likes: ['khalid.alqahtani'], body: 'Look at the motor current spectrum too — a soft foot shows up as a 2× line-frequency component.' },
    ],
  },
  {
    category: 'maintenance', by: 'bandar.alshammari', daysAgo: 14, views: 156,
    likes: ['ghada.alrashidi', 'fahad.alrashid'],
    title: 'جدول الصيانة الوقائية لمطاحن الأسمنت',
    body: 'نعمل على إعداد جدول صيانة وقائية لمطحنتين كرويتين. كم مرة تفحصون **بطانة المطحنة** وكرات الطحن؟ وهل تستخدمون تحليل الاهتزاز بشكل دوري؟',
    posts: [
      { by: 'fahad.alrashid', best: true, likes: ['bandar.alshammari', 'ghada.alrashidi'], body: 'نفحص البطانة كل ٦ أشهر أثناء التوقف المخطط، ونقيس سماكتها بالموجات فوق الصوتية. أما الكرات فنعيد فرزها سنوياً.', replies: [
        { by: 'bandar.alshammari', body: 'شكراً، هل تسجلون القياسات في نظام إدارة الصيانة؟', replies: [
          { by: 'fahad.alrashid', body: 'نعم، في نظام CMMS مع صور لكل نقطة قياس.' },
        ] },
      ] },
      { by: 'ghada.alrashidi', body: 'نضيف قياس الاهتزاز الشهري على المحامل الرئيسية، وقد كشف لنا مشكلة في التروس قبل تعطلها.' },
    ],
  },
  {
    category: 'automation', by: 'abdulrahman.alsulaim', daysAgo: 30, views: 301,
    likes: ['nouf.aljasser', 'omar.bakhsh', 'rayan.hawsawi', 'sultan.aldawsari', 'waleed.alsahli'],
    title: 'Migrating from S7-300 to S7-1500: lessons learned',
    body: 'We moved a bottling line from S7-300 to S7-1500 last quarter. Sharing what went well and what did not. The TIA Portal migration tool converted ~80% of the blocks; indirect addressing and old FB calls needed rewriting.\n\nQuestions welcome.',
    posts: [
      { by: 'omar.bakhsh', body: 'How long was the line down for the cut-over?', replies: [
        { by: 'abdulrahman.alsulaim', likes: ['omar.bakhsh'], body: 'Two weekend shifts. We ran both PLCs in parallel on a test rack for a month first.' },
      ] },
      { by: 'rayan.hawsawi', body: 'Did you keep PROFIBUS or move to PROFINET for the drives?', replies: [
        { by: 'nouf.aljasser', body: 'PROFINET for the new drives, a DP/PN coupler for the two old ones we kept.' },
      ] },
    ],
  },
  {
    category: 'automation', by: 'waleed.alsahli', daysAgo: 9, views: 97,
    title: 'أتمتة خط التعبئة والتغليف: روبوت أم حلول تقليدية؟',
    body: 'لدينا خط تغليف كرتون بطاقة ٢٠ عبوة في الدقيقة. نفكر في روبوت للتكديس (palletizing). هل التكلفة مبررة لمصنع صغير؟',
    posts: [
      { by: 'sultan.aldawsari', likes: ['waleed.alsahli'], body: 'ركبنا روبوت تكديس تعاوني (cobot) وكان العائد خلال ١٨ شهراً تقريباً، بسبب توفير عاملين في كل وردية.' },
      { by: 'abdulrahman.alsulaim', body: 'At 20 per minute a cobot palletizer is usually enough. Check the pallet pattern changes you need: those drive the software cost.' },
    ],
  },
  {
    category: 'quality', by: 'maha.alanazi', daysAgo: 12, views: 120,
    likes: ['yousef.alshehri'],
    title: 'SPC on tablet weight: which control chart for small subgroups?',
    body: 'We sample 5 tablets every 30 minutes from each press. X̄-R or X̄-S? And how do you handle the first hour after a punch change?',
    posts: [
      { by: 'yousef.alshehri', best: true, likes: ['maha.alanazi', 'amal.alzahrani'], body: 'With n = 5, **X̄-R** is fine and easier for operators. Start a new phase after a punch change; do not mix the warm-up data into the limits.' },
      { by: 'amal.alzahrani', body: 'We do the same for yarn count. Also log the Cpk weekly so drift is visible to management.' },
    ],
  },
  {
    category: 'quality', by: 'reem.alghamdi', daysAgo: 6, views: 88,
    title: 'فحص جودة التمور بالرؤية الحاسوبية',
    body: 'هل جرب أحد أنظمة الرؤية الآلية لفرز التمور حسب اللون والحجم؟ نبحث عن دقة أعلى من ٩٥٪.',
    posts: [
      { by: 'rayan.hawsawi', body: 'We built one with two cameras and a conveyor ejector. Colour sorting reached 97%, size grading 99%. Lighting was the hardest part.', replies: [
        { by: 'reem.alghamdi', body: 'ممتاز! ما نوع الإضاءة التي استخدمتموها؟', replies: [
          { by: 'rayan.hawsawi', body: 'Diffuse dome LEDs, 5000 K, and a black conveyor belt.' },
        ] },
      ] },
    ],
  },
  {
    category: 'ai', by: 'saad.aljuhani', daysAgo: 18, views: 267,
    likes: ['lama.alruwaili', 'khalid.alqahtani', 'ibrahim.hakami'],
    title: 'Predictive maintenance with vibration data: where to start?',
    body: 'We have 40 compressors with online vibration sensors (1 reading / minute). Management wants "AI predictive maintenance". What is a realistic first step?',
    posts: [
      { by: 'lama.alruwaili', best: true, likes: ['saad.aljuhani', 'ibrahim.hakami'], body: 'Start with **anomaly detection per machine** (a rolling baseline and thresholds) before any deep model. Label every failure you have — you will need them later.', replies: [
        { by: 'saad.aljuhani', body: 'We have maybe 12 recorded failures in 3 years. Is that enough?', replies: [
          { by: 'lama.alruwaili', body: 'Not for supervised learning, but plenty to validate an anomaly detector.' },
        ] },
      ] },
      { by: 'ibrahim.hakami', body: 'One reading per minute is too slow for bearing faults; you need the spectrum. Check if the sensors can send FFT bands.' },
    ],
  },
  {
    category: 'ai', by: 'dana.almulhim', daysAgo: 4, views: 64,
    title: 'التنبؤ بالأعطال باستخدام التعلم الآلي في خطوط الإنتاج',
    body: 'نجمع بيانات الحرارة والتيار من ٢٠ ماكينة حقن. هل نموذج التعلم الآلي مفيد للتنبؤ بالأعطال أم نبدأ بقواعد بسيطة؟',
    posts: [
      { by: 'lama.alruwaili', body: 'ابدأوا بقواعد بسيطة ولوحة متابعة، ثم انتقلوا إلى النموذج عندما تتراكم بيانات الأعطال.' },
    ],
  },
  {
    category: 'iot', by: 'nawaf.albalawi', daysAgo: 25, views: 143,
    likes: ['haifa.alatawi', 'ibrahim.hakami'],
    title: 'Cold-room temperature monitoring over LoRaWAN',
    body: 'We need to monitor 30 cold rooms across two sites. Wi-Fi is unreliable inside. Is LoRaWAN a good fit, and which gateway did you use?',
    posts: [
      { by: 'ibrahim.hakami', best: true, likes: ['nawaf.albalawi'], body: 'LoRaWAN works well through cold-room walls. We run 120 sensors on two gateways with a private network server. Battery life is ~3 years at 10-minute intervals.' },
      { by: 'haifa.alatawi', body: 'Make sure alarms go by SMS too, not only to the dashboard.', replies: [
        { by: 'nawaf.albalawi', body: 'Good point — the auditors asked for that as well.' },
      ] },
    ],
  },
  {
    category: 'iot', by: 'hind.alkhaldi', daysAgo: 10, views: 110,
    title: 'OEE dashboards: MQTT or OPC UA from the PLCs?',
    body: 'We want a live OEE dashboard for 6 lines. Should the PLCs publish over MQTT (Sparkplug B) or should we poll OPC UA from an edge gateway?',
    posts: [
      { by: 'abdulrahman.alsulaim', likes: ['hind.alkhaldi'], body: 'OPC UA at the edge, MQTT from the edge to the cloud. The PLCs stay untouched, which your OT team will like.' },
    ],
  },
  {
    category: 'general', by: 'ali.almubarak', daysAgo: 35, views: 71, locked: true,
    title: 'متطلبات السلامة عند تخزين المواد الكيميائية',
    body: 'ما أفضل الممارسات لتخزين المواد الكيميائية القابلة للاشتعال في مستودع صغير؟ نريد الالتزام بمتطلبات الدفاع المدني.',
    posts: [
      { by: 'mohammed.alasmari', body: 'افصلوا المواد المؤكسدة عن القابلة للاشتعال، واستخدموا خزائن معتمدة مع تهوية، وراجعوا دليل الدفاع المدني المحدث.' },
    ],
  },
];

/** The row of a demo topic, started by `author` at `startedAt`; the seed sets its counters once the replies are in. */
export function topicValues(
  demo: DemoTopic,
  refs: { categoryId: string; author: { id: string; organizationId: string }; startedAt: Date },
): typeof forumTopics.$inferInsert {
  return {
    categoryId: refs.categoryId,
    authorId: refs.author.id,
    organizationId: refs.author.organizationId,
    title: demo.title,
    body: demo.body,
    bodyHtml: renderMarkdown(demo.body),
    pinned: demo.pinned ?? false,
    locked: demo.locked ?? false,
    viewsCount: demo.views,
    createdAt: refs.startedAt,
    updatedAt: refs.startedAt,
    lastActivityAt: refs.startedAt,
    lastPosterId: refs.author.id,
  };
}

/** Where a reply hangs in its thread: under `parent`, or at the top (depth 0, its own root). */
export interface PostPlace {
  id: string;
  topicId: string;
  parent: { id: string; rootId: string; depth: number } | null;
}

/** The row of a demo reply by `writer` at `at`, with its likes and direct replies counted. */
export function postValues(post: DemoPost, place: PostPlace, writer: { id: string; organizationId: string }, at: Date) {
  return {
    id: place.id,
    topicId: place.topicId,
    parentId: place.parent?.id ?? null,
    rootId: place.parent?.rootId ?? place.id,
    depth: place.parent ? place.parent.depth + 1 : 0,
    authorId: writer.id,
    organizationId: writer.organizationId,
    body: post.body,
    bodyHtml: renderMarkdown(post.body),
    likesCount: post.likes?.length ?? 0,
    repliesCount: post.replies?.length ?? 0,
    createdAt: at,
    updatedAt: at,
  } satisfies typeof forumPosts.$inferInsert;
}
