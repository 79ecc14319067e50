import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, type Tx, execute, queryRows } from '../../platform/db.js';
import { col, row } from '../../platform/rows.js';
import {
  forumCategories,
  forumPostLikes,
  forumPosts,
  forumTopicLikes,
  forumTopics,
  recountCategoryTopics,
} from '../../modules/forum/index.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { memberships } from '../../modules/organizations/index.js';
import { users } from '../../modules/users/index.js';
import { DEMO_EMAILS, type ProgressListener } from './demo-lookup.js';

/** A reply in a demo thread: who writes it (the local part of a demo email), what, and who likes it. */
interface DemoPost {
  by: string;
  body: string;
  likes?: string[];
  best?: true;
  replies?: DemoPost[];
}

export interface DemoTopic {
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

export const DEMO_TOPICS: DemoTopic[] = [
  {
    category: 'general',
    by: 'noura.alsubaie',
    title: 'Welcome to the forum — how to ask a good question',
    body: 'Welcome! When you ask, say **what equipment**, what you measured and what you already tried. Mark the reply that solved it as the best answer so others find it.\n\nأهلاً بكم! اكتبوا بالعربية أو بالإنجليزية، والبحث يجد الاثنين.',
    pinned: true,
    views: 412,
    daysAgo: 40,
    likes: ['faisal.alotaibi', 'reem.alghamdi', 'saad.aljuhani', 'bandar.alshammari'],
    posts: [
      {
        by: 'faisal.alotaibi',
        body: 'Thanks Noura. Is there a place for vendor recommendations?',
        replies: [{ by: 'noura.alsubaie', body: 'Use the General category, and keep it factual: what you bought, how it performed.' }],
      },
    ],
  },
  {
    category: 'maintenance',
    by: 'khalid.alqahtani',
    title: 'Bearing failures on the rolling-mill cooling pumps every 3 months',
    body: 'Our two 75 kW centrifugal pumps on the mill cooling loop lose the drive-end bearing every ~90 days. Vibration climbs from 2.8 to 7 mm/s in the last two weeks. Lubrication is per OEM schedule.\n\nWhat should we check first?',
    views: 238,
    daysAgo: 21,
    likes: ['turki.almutairi', 'abdullah.alhajri', 'fahad.alrashid'],
    posts: [
      {
        by: 'abdullah.alhajri',
        body: 'Check **shaft alignment** after the pump is hot. Thermal growth on those skids often adds 0.2 mm of offset. Laser alignment with the hot offsets fixed it for us.',
        likes: ['khalid.alqahtani', 'turki.almutairi', 'saad.aljuhani'],
        best: true,
        replies: [
          {
            by: 'khalid.alqahtani',
            body: 'We aligned cold only. Do you have the offset values you used?',
            replies: [
              {
                by: 'abdullah.alhajri',
                body: 'Vertical +0.18 mm on the motor side for a 60 °C loop. Measure yours: it depends on the base.',
              },
            ],
          },
          {
            by: 'turki.almutairi',
            body: 'Same experience on our descaling pumps. Also check pipe strain: unbolt the suction flange and watch the dial.',
          },
        ],
      },
      {
        by: 'hussain.alnasser',
        body: 'Look at the motor current spectrum too — a soft foot shows up as a 2× line-frequency component.',
        likes: ['khalid.alqahtani'],
      },
    ],
  },
  {
    category: 'maintenance',
    by: 'bandar.alshammari',
    title: 'جدول الصيانة الوقائية لمطاحن الأسمنت',
    body: 'نعمل على إعداد جدول صيانة وقائية لمطحنتين كرويتين. كم مرة تفحصون **بطانة المطحنة** وكرات الطحن؟ وهل تستخدمون تحليل الاهتزاز بشكل دوري؟',
    views: 156,
    daysAgo: 14,
    likes: ['ghada.alrashidi', 'fahad.alrashid'],
    posts: [
      {
        by: 'fahad.alrashid',
        body: 'نفحص البطانة كل ٦ أشهر أثناء التوقف المخطط، ونقيس سماكتها بالموجات فوق الصوتية. أما الكرات فنعيد فرزها سنوياً.',
        likes: ['bandar.alshammari', 'ghada.alrashidi'],
        best: true,
        replies: [
          {
            by: 'bandar.alshammari',
            body: 'شكراً، هل تسجلون القياسات في نظام إدارة الصيانة؟',
            replies: [{ by: 'fahad.alrashid', body: 'نعم، في نظام CMMS مع صور لكل نقطة قياس.' }],
          },
        ],
      },
      { by: 'ghada.alrashidi', body: 'نضيف قياس الاهتزاز الشهري على المحامل الرئيسية، وقد كشف لنا مشكلة في التروس قبل تعطلها.' },
    ],
  },
  {
    category: 'automation',
    by: 'abdulrahman.alsulaim',
    title: 'Migrating from S7-300 to S7-1500: lessons learned',
    body: 'We moved a bottling line from S7-300 to S7-1500 last quarter. Sharing what went well and what did not. The TIA Portal migration tool converted ~80% of the blocks; indirect addressing and old FB calls needed rewriting.\n\nQuestions welcome.',
    views: 301,
    daysAgo: 30,
    likes: ['nouf.aljasser', 'omar.bakhsh', 'rayan.hawsawi', 'sultan.aldawsari', 'waleed.alsahli'],
    posts: [
      {
        by: 'omar.bakhsh',
        body: 'How long was the line down for the cut-over?',
        replies: [
          {
            by: 'abdulrahman.alsulaim',
            body: 'Two weekend shifts. We ran both PLCs in parallel on a test rack for a month first.',
            likes: ['omar.bakhsh'],
          },
        ],
      },
      {
        by: 'rayan.hawsawi',
        body: 'Did you keep PROFIBUS or move to PROFINET for the drives?',
        replies: [{ by: 'nouf.aljasser', body: 'PROFINET for the new drives, a DP/PN coupler for the two old ones we kept.' }],
      },
    ],
  },
  {
    category: 'automation',
    by: 'waleed.alsahli',
    title: 'أتمتة خط التعبئة والتغليف: روبوت أم حلول تقليدية؟',
    body: 'لدينا خط تغليف كرتون بطاقة ٢٠ عبوة في الدقيقة. نفكر في روبوت للتكديس (palletizing). هل التكلفة مبررة لمصنع صغير؟',
    views: 97,
    daysAgo: 9,
    posts: [
      {
        by: 'sultan.aldawsari',
        body: 'ركبنا روبوت تكديس تعاوني (cobot) وكان العائد خلال ١٨ شهراً تقريباً، بسبب توفير عاملين في كل وردية.',
        likes: ['waleed.alsahli'],
      },
      {
        by: 'abdulrahman.alsulaim',
        body: 'At 20 per minute a cobot palletizer is usually enough. Check the pallet pattern changes you need: those drive the software cost.',
      },
    ],
  },
  {
    category: 'quality',
    by: 'maha.alanazi',
    title: 'SPC on tablet weight: which control chart for small subgroups?',
    body: 'We sample 5 tablets every 30 minutes from each press. X̄-R or X̄-S? And how do you handle the first hour after a punch change?',
    views: 120,
    daysAgo: 12,
    likes: ['yousef.alshehri'],
    posts: [
      {
        by: 'yousef.alshehri',
        body: 'With n = 5, **X̄-R** is fine and easier for operators. Start a new phase after a punch change; do not mix the warm-up data into the limits.',
        best: true,
        likes: ['maha.alanazi', 'amal.alzahrani'],
      },
      { by: 'amal.alzahrani', body: 'We do the same for yarn count. Also log the Cpk weekly so drift is visible to management.' },
    ],
  },
  {
    category: 'quality',
    by: 'reem.alghamdi',
    title: 'فحص جودة التمور بالرؤية الحاسوبية',
    body: 'هل جرب أحد أنظمة الرؤية الآلية لفرز التمور حسب اللون والحجم؟ نبحث عن دقة أعلى من ٩٥٪.',
    views: 88,
    daysAgo: 6,
    posts: [
      {
        by: 'rayan.hawsawi',
        body: 'We built one with two cameras and a conveyor ejector. Colour sorting reached 97%, size grading 99%. Lighting was the hardest part.',
        replies: [
          {
            by: 'reem.alghamdi',
            body: 'ممتاز! ما نوع الإضاءة التي استخدمتموها؟',
            replies: [{ by: 'rayan.hawsawi', body: 'Diffuse dome LEDs, 5000 K, and a black conveyor belt.' }],
          },
        ],
      },
    ],
  },
  {
    category: 'ai',
    by: 'saad.aljuhani',
    title: 'Predictive maintenance with vibration data: where to start?',
    body: 'We have 40 compressors with online vibration sensors (1 reading / minute). Management wants "AI predictive maintenance". What is a realistic first step?',
    views: 267,
    daysAgo: 18,
    likes: ['lama.alruwaili', 'khalid.alqahtani', 'ibrahim.hakami'],
    posts: [
      {
        by: 'lama.alruwaili',
        body: 'Start with **anomaly detection per machine** (a rolling baseline and thresholds) before any deep model. Label every failure you have — you will need them later.',
        best: true,
        likes: ['saad.aljuhani', 'ibrahim.hakami'],
        replies: [
          {
            by: 'saad.aljuhani',
            body: 'We have maybe 12 recorded failures in 3 years. Is that enough?',
            replies: [{ by: 'lama.alruwaili', body: 'Not for supervised learning, but plenty to validate an anomaly detector.' }],
          },
        ],
      },
      {
        by: 'ibrahim.hakami',
        body: 'One reading per minute is too slow for bearing faults; you need the spectrum. Check if the sensors can send FFT bands.',
      },
    ],
  },
  {
    category: 'ai',
    by: 'dana.almulhim',
    title: 'التنبؤ بالأعطال باستخدام التعلم الآلي في خطوط الإنتاج',
    body: 'نجمع بيانات الحرارة والتيار من ٢٠ ماكينة حقن. هل نموذج التعلم الآلي مفيد للتنبؤ بالأعطال أم نبدأ بقواعد بسيطة؟',
    views: 64,
    daysAgo: 4,
    posts: [{ by: 'lama.alruwaili', body: 'ابدأوا بقواعد بسيطة ولوحة متابعة، ثم انتقلوا إلى النموذج عندما تتراكم بيانات الأعطال.' }],
  },
  {
    category: 'iot',
    by: 'nawaf.albalawi',
    title: 'Cold-room temperature monitoring over LoRaWAN',
    body: 'We need to monitor 30 cold rooms across two sites. Wi-Fi is unreliable inside. Is LoRaWAN a good fit, and which gateway did you use?',
    views: 143,
    daysAgo: 25,
    likes: ['haifa.alatawi', 'ibrahim.hakami'],
    posts: [
      {
        by: 'ibrahim.hakami',
        body: 'LoRaWAN works well through cold-room walls. We run 120 sensors on two gateways with a private network server. Battery life is ~3 years at 10-minute intervals.',
        best: true,
        likes: ['nawaf.albalawi'],
      },
      {
        by: 'haifa.alatawi',
        body: 'Make sure alarms go by SMS too, not only to the dashboard.',
        replies: [{ by: 'nawaf.albalawi', body: 'Good point — the auditors asked for that as well.' }],
      },
    ],
  },
  {
    category: 'iot',
    by: 'hind.alkhaldi',
    title: 'OEE dashboards: MQTT or OPC UA from the PLCs?',
    body: 'We want a live OEE dashboard for 6 lines. Should the PLCs publish over MQTT (Sparkplug B) or should we poll OPC UA from an edge gateway?',
    views: 110,
    daysAgo: 10,
    posts: [
      {
        by: 'abdulrahman.alsulaim',
        body: 'OPC UA at the edge, MQTT from the edge to the cloud. The PLCs stay untouched, which your OT team will like.',
        likes: ['hind.alkhaldi'],
      },
    ],
  },
  {
    category: 'general',
    by: 'ali.almubarak',
    title: 'متطلبات السلامة عند تخزين المواد الكيميائية',
    body: 'ما أفضل الممارسات لتخزين المواد الكيميائية القابلة للاشتعال في مستودع صغير؟ نريد الالتزام بمتطلبات الدفاع المدني.',
    locked: true,
    views: 71,
    daysAgo: 35,
    posts: [
      {
        by: 'mohammed.alasmari',
        body: 'افصلوا المواد المؤكسدة عن القابلة للاشتعال، واستخدموا خزائن معتمدة مع تهوية، وراجعوا دليل الدفاع المدني المحدث.',
      },
    ],
  },
];

const topicIdRow = row({ topic_id: col.text });

/** Topics by demo users, found by author and title (a demo topic is one of these). */
async function findDemoTopicIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: forumTopics.id })
    .from(forumTopics)
    .innerJoin(users, eq(users.id, forumTopics.authorId))
    .where(
      and(
        inArray(users.email, [...DEMO_EMAILS]),
        inArray(
          forumTopics.title,
          DEMO_TOPICS.map((topic) => topic.title),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

export async function countDemoTopics(db: DbOrTx): Promise<number> {
  return (await findDemoTopicIds(db)).length;
}

/** The demo topics with their threads, likes, best answers, pins and locks; topics already there are left alone. */
export async function seedForum(tx: Tx, onProgress: ProgressListener): Promise<{ created: number }> {
  const label = 'Forum topics';
  const people = await tx
    .select({ id: users.id, email: users.email, organizationId: memberships.organizationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(inArray(users.email, [...DEMO_EMAILS]));
  const person = (localPart: string) => {
    const found = people.find((p) => p.email.startsWith(`${localPart}@`));
    if (!found) throw new Error(`The demo user ${localPart} is missing; seed the users first`);
    return found;
  };
  const categories = new Map(
    (await tx.select({ id: forumCategories.id, slug: forumCategories.slug }).from(forumCategories)).map((c) => [c.slug, c.id]),
  );
  const existing = new Set(
    (
      await tx
        .select({ title: forumTopics.title })
        .from(forumTopics)
        .where(inArray(forumTopics.id, [...(await findDemoTopicIds(tx)), randomUUID()]))
    ).map((row) => row.title),
  );
  let created = 0;
  for (const [index, demo] of DEMO_TOPICS.entries()) {
    onProgress({ label, done: index, total: DEMO_TOPICS.length });
    if (existing.has(demo.title)) continue;
    const categoryId = categories.get(demo.category);
    if (!categoryId) throw new Error(`The demo category ${demo.category} is missing`);
    const author = person(demo.by);
    const startedAt = new Date(Date.now() - demo.daysAgo * 86_400_000);
    const [topic] = await tx
      .insert(forumTopics)
      .values({
        categoryId,
        authorId: author.id,
        organizationId: author.organizationId,
        title: demo.title,
        body: demo.body,
        bodyHtml: renderMarkdown(demo.body),
        pinned: demo.pinned ?? false,
        locked: demo.locked ?? false,
        viewsCount: demo.views,
        createdAt: startedAt,
        updatedAt: startedAt,
        lastActivityAt: startedAt,
        lastPosterId: author.id,
      })
      .returning({ id: forumTopics.id });
    const topicId = topic!.id;
    for (const liker of demo.likes ?? []) await tx.insert(forumTopicLikes).values({ topicId, userId: person(liker).id });
    let minutes = 0;
    let bestPostId: string | null = null;
    let last = { at: startedAt, by: author.id };
    const insertPost = async (post: DemoPost, parent: { id: string; rootId: string; depth: number } | null): Promise<void> => {
      minutes += 47;
      const writer = person(post.by);
      const id = randomUUID();
      const at = new Date(startedAt.getTime() + minutes * 60_000);
      await tx.insert(forumPosts).values({
        id,
        topicId,
        parentId: parent?.id ?? null,
        rootId: parent?.rootId ?? id,
        depth: parent ? parent.depth + 1 : 0,
        authorId: writer.id,
        organizationId: writer.organizationId,
        body: post.body,
        bodyHtml: renderMarkdown(post.body),
        likesCount: post.likes?.length ?? 0,
        repliesCount: post.replies?.length ?? 0,
        createdAt: at,
        updatedAt: at,
      });
      for (const liker of post.likes ?? []) await tx.insert(forumPostLikes).values({ postId: id, userId: person(liker).id });
      if (post.best) bestPostId = id;
      last = { at, by: writer.id };
      for (const child of post.replies ?? [])
        await insertPost(child, { id, rootId: parent?.rootId ?? id, depth: parent ? parent.depth + 1 : 0 });
    };
    for (const post of demo.posts) await insertPost(post, null);
    await execute(
      tx,
      sql`update forum_topics set best_post_id = ${bestPostId}, likes_count = ${demo.likes?.length ?? 0},
            posts_count = (select count(*) from forum_posts where topic_id = ${topicId}),
            last_activity_at = ${last.at}, last_poster_id = ${last.by}
          where id = ${topicId}`,
    );
    created += 1;
  }
  await recountCategoryTopics(tx);
  onProgress({ label, done: DEMO_TOPICS.length, total: DEMO_TOPICS.length });
  return { created };
}

/**
 * Removes the demo topics (their replies and likes go with them) and every other forum post and like
 * by demo users, so the demo users themselves can be removed.
 */
export async function removeDemoForum(tx: Tx): Promise<number> {
  const topicIds = await findDemoTopicIds(tx);
  if (topicIds.length > 0) await tx.delete(forumTopics).where(inArray(forumTopics.id, topicIds));
  const demoUserIds = sql`(select id from users where email in (${sql.join(
    DEMO_EMAILS.map((email) => sql`${email}`),
    sql`, `,
  )}))`;
  // What demo users wrote elsewhere goes too (with the replies beneath it); those topics' counters are recounted.
  await execute(tx, sql`delete from forum_topics where author_id in ${demoUserIds}`);
  await recountCategoryTopics(tx);
  const touched = await queryRows(tx, topicIdRow, sql`delete from forum_posts where author_id in ${demoUserIds} returning topic_id`);
  const topics = [...new Set(touched.map((row) => row.topic_id))];
  if (topics.length > 0) {
    const ids = sql.join(
      topics.map((id) => sql`${id}`),
      sql`, `,
    );
    await execute(
      tx,
      sql`update forum_posts p set replies_count = (select count(*) from forum_posts c where c.parent_id = p.id) where p.topic_id in (${ids})`,
    );
    await execute(
      tx,
      sql`update forum_topics t set posts_count = (select count(*) from forum_posts p where p.topic_id = t.id and p.deleted_at is null) where t.id in (${ids})`,
    );
  }
  return topicIds.length;
}
