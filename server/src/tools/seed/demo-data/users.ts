import type { Language, OrgRole, PlatformRole } from '@p2p/contracts';
import type { users } from '../../../modules/users/index.js';
import { DEMO_ORGANIZATIONS, DEMO_PLATFORM_DOMAIN, PLATFORM_KEY } from './organizations.js';

/** The one password every demo account signs in with (documented in the README). */
export const DEMO_PASSWORD = 'Demo-Sandbox-2026';

export interface DemoUser {
  /** Key of the organization in DEMO_ORGANIZATIONS, or PLATFORM_KEY. */
  organization: string;
  firstName: string;
  lastName: string;
  /** Lowercase, on the organization's fictional domain; it is what identifies a demo user. */
  email: string;
  jobTitle: string;
  department: string;
  phone: string;
  bio: string;
  language: Language;
  role: OrgRole;
  platformRole?: PlatformRole;
  /** Every demo user is verified except one, so that the verification banner can be seen. */
  emailVerified?: boolean;
}

/** What only a few demo users have: another email than first.last, a platform role, an unverified email. */
interface UserExtras {
  localPart?: string;
  platformRole?: PlatformRole;
  emailVerified?: false;
}

type UserRow = [
  firstName: string,
  lastName: string,
  role: OrgRole,
  language: Language,
  jobTitle: string,
  department: string,
  phone: string,
  bio: string,
  extras?: UserExtras,
];

/** The people of each organization, its admin first; bios in the language of their interface. */
// prettier-ignore
const USERS: ReadonlyArray<[organization: string, people: readonly UserRow[]]> = [
  [PLATFORM_KEY, [
    ['Tariq', 'Al-Harthi', 'admin', 'en', 'Platform Administrator', 'Platform Operations', '+966 50 120 4455',
      'Runs the P2P Sandbox platform: organizations, categories and the moderation queue.', { localPart: 'admin', platformRole: 'superadmin' }],
  ]],
  ['jubail-polymers', [
    ['Faisal', 'Al-Otaibi', 'admin', 'en', 'Plant Manager', 'Operations', '+966 50 318 4471',
      'Runs three extrusion and injection-moulding halls; interested in OEE tracking and energy savings.'],
    ['Sara', 'Al-Amri', 'member', 'en', 'Quality Manager', 'Quality', '+966 55 204 9183',
      'Leads the quality lab and the ISO 9001 programme; currently piloting inline thickness gauging on the film lines.'],
    ['Majed', 'Al-Shahrani', 'member', 'ar', 'Automation Engineer', 'Production', '+966 53 771 2046',
      'مهندس أتمتة أعمل على برمجة وحدات التحكم المنطقي القابلة للبرمجة وأنظمة سكادا في خطوط البثق.'],
  ]],
  ['najd-steel', [
    ['Khalid', 'Al-Qahtani', 'admin', 'ar', 'Operations Director', 'Operations', '+966 50 662 1398',
      'أقود عمليات الصهر والدرفلة في مصانع نجد منذ خمسة عشر عامًا، وأهتم بكفاءة الطاقة ورفع الإنتاجية.'],
    ['Noura', 'Al-Subaie', 'member', 'en', 'Data Scientist', 'Digital Transformation', '+966 56 118 7420',
      'Builds furnace energy and yield models, and moderates the forum for the community.', { platformRole: 'moderator' }],
    ['Turki', 'Al-Mutairi', 'member', 'ar', 'Maintenance Supervisor', 'Maintenance', '+966 54 903 5512',
      'أشرف على فريق الصيانة الميكانيكية والكهربائية، ونعمل حاليًا على الانتقال من الصيانة التصحيحية إلى الصيانة التنبؤية.'],
  ]],
  ['red-sea-foods', [
    ['Reem', 'Al-Ghamdi', 'admin', 'en', 'Plant Manager', 'Operations', '+966 55 427 3086',
      'Food engineer managing the juice and dairy lines; focused on changeover time and yield.'],
    ['Omar', 'Bakhsh', 'member', 'ar', 'Food Safety Specialist', 'Quality', '+966 50 839 6254',
      'أخصائي سلامة غذاء معتمد في نظام تحليل المخاطر ونقاط التحكم الحرجة، وأتابع متطلبات الهيئة العامة للغذاء والدواء.'],
  ]],
  ['gulf-coast-oilfield', [
    ['Abdullah', 'Al-Hajri', 'admin', 'en', 'General Manager', 'Management', '+966 50 571 8832',
      'Mechanical engineer who founded the workshop in 2009; now looking at digital job cards and asset tracking.'],
    ['Hind', 'Al-Khaldi', 'member', 'en', 'HSE Engineer', 'Health, Safety & Environment', '+966 53 246 1175',
      'Owns permit-to-work and incident reporting; interested in wearables for lone workers.'],
  ]],
  ['yanbu-petro', [
    ['Saad', 'Al-Juhani', 'admin', 'ar', 'Process Control Manager', 'Production', '+966 55 690 2417',
      'أدير أنظمة التحكم الموزّعة في وحدات الإنتاج، وأهتم بالتحكم التنبؤي المتقدم وخفض استهلاك الطاقة.'],
    ['Lama', 'Al-Ruwaili', 'member', 'en', 'Reliability Engineer', 'Maintenance', '+966 59 314 8806',
      'Works on vibration monitoring and root-cause analysis for pumps, compressors and other rotating equipment.'],
  ]],
  ['alkharj-pharma', [
    ['Maha', 'Al-Anazi', 'admin', 'ar', 'Quality Assurance Director', 'Quality', '+966 50 287 6631',
      'أقود إدارة ضمان الجودة وأشرف على الالتزام بممارسات التصنيع الجيدة ومتطلبات الهيئة العامة للغذاء والدواء.'],
    ['Yousef', 'Al-Shehri', 'member', 'en', 'Validation Engineer', 'Quality', '+966 54 158 3390',
      'Validates equipment, cleaning and computerised systems; working toward electronic batch records.'],
  ]],
  ['sudair-building', [
    ['Fahad', 'Al-Rashid', 'admin', 'ar', 'Plant Manager', 'Operations', '+966 55 740 1268',
      'أدير مصنعًا لإنتاج الطوب الخرساني وبلاط الأرصفة المتداخل، ونسعى إلى أتمتة خطوط التعبئة والتغليف.'],
  ]],
  ['aja-cement', [
    ['Bandar', 'Al-Shammari', 'admin', 'ar', 'Kiln Operations Manager', 'Production', '+966 50 926 4413',
      'مسؤول عن تشغيل الأفران الدوّارة وطواحين الأسمنت، وأعمل على خفض استهلاك الوقود الحراري.'],
    ['Ghada', 'Al-Rashidi', 'member', 'en', 'Energy Efficiency Engineer', 'Engineering', '+966 56 372 9054',
      'Tracks fuel and power use per tonne of clinker and runs the waste-heat recovery studies.'],
  ]],
  ['dhahran-electrical', [
    ['Hussain', 'Al-Nasser', 'admin', 'en', 'Engineering Manager', 'Engineering', '+966 50 413 7725',
      'Leads switchgear design and type testing; keen on digital twins for panel assembly.'],
    ['Zainab', 'Al-Saif', 'member', 'en', 'Test Engineer', 'Quality', '+966 55 862 0391',
      'Runs routine and dielectric tests on finished panels and is automating the test reports.'],
  ]],
  ['smart-circuits', [
    ['Rayan', 'Hawsawi', 'admin', 'en', 'Founder & CEO', 'Management', '+966 53 507 2284',
      'Electronics engineer building a local SMT line for industrial sensors and controllers.'],
  ]],
  ['khobar-auto', [
    ['Sultan', 'Al-Dawsari', 'admin', 'ar', 'Production Manager', 'Production', '+966 50 744 9126',
      'أدير خطوط الكبس واللحام الآلي لمكونات السيارات، وأهتم بتطبيق منهجيات التصنيع الرشيق.'],
    ['Dana', 'Al-Mulhim', 'member', 'en', 'Lean Manufacturing Engineer', 'Continuous Improvement', '+966 54 629 3307',
      'Runs kaizen events and quick-changeover (SMED) workshops on the press lines.'],
  ]],
  ['hejaz-textiles', [
    ['Amal', 'Al-Zahrani', 'admin', 'ar', 'Operations Manager', 'Operations', '+966 55 381 6640',
      'أدير عمليات النسيج والصباغة والتجهيز، وأعمل على رقمنة متابعة الإنتاج في المصنع.'],
  ]],
  ['madinah-packaging', [
    ['Waleed', 'Al-Sahli', 'admin', 'ar', 'Plant Manager', 'Operations', '+966 50 158 2973',
      'أدير مصنعًا لإنتاج الكرتون المموّج وعبوات الورق، وأركّز على تقليل الهدر وإعادة التدوير.'],
    ['Razan', 'Al-Harbi', 'member', 'en', 'Production Planner', 'Planning', '+966 56 904 1187',
      'Plans the corrugator and converting schedules; new to the platform.', { emailVerified: false }],
  ]],
  ['alahsa-chemicals', [
    ['Ali', 'Al-Mubarak', 'admin', 'ar', 'Managing Director', 'Management', '+966 50 672 3318',
      'أسستُ الشركة لإنتاج مواد كيميائية متخصصة لمعالجة المياه وللصناعات الغذائية في الأحساء.'],
  ]],
  ['asir-minerals', [
    ['Mohammed', 'Al-Asmari', 'admin', 'ar', 'Mine Manager', 'Operations', '+966 55 219 8864',
      'مهندس تعدين أدير عمليات المحاجر واستخراج الخامات الصناعية في منطقة عسير.'],
    ['Shahad', 'Al-Qarni', 'member', 'en', 'Mining Engineer', 'Exploration', '+966 53 486 1702',
      'Plans drilling and blasting, and is testing drone surveys to measure stockpile volumes.'],
  ]],
  ['jazan-water', [
    ['Ibrahim', 'Hakami', 'admin', 'ar', 'Technical Director', 'Engineering', '+966 50 833 5147',
      'أقود فريقًا هندسيًا يعمل على محطات التحلية الصغيرة ومراقبة شبكات المياه عن بُعد.'],
  ]],
  ['tabuk-coldchain', [
    ['Nawaf', 'Al-Balawi', 'admin', 'en', 'Fleet Operations Manager', 'Operations', '+966 55 196 4428',
      'Manages 120 reefer trucks and three cold stores; working on live temperature telemetry.'],
    ['Haifa', 'Al-Atawi', 'member', 'en', 'IoT Solutions Engineer', 'Digital Transformation', '+966 56 247 0319',
      'Connects cold-room and truck sensors to a central dashboard with alerts.'],
  ]],
  ['qassim-automation', [
    ['Abdulrahman', 'Al-Sulaim', 'admin', 'en', 'Automation Consultant', 'Engineering', '+966 50 390 6675',
      'Twenty years of integrating PLCs and drives for date, dairy and packaging plants.'],
    ['Nouf', 'Al-Jasser', 'member', 'ar', 'Controls Engineer', 'Projects', '+966 54 715 2236',
      'مهندسة تحكم أعمل على مشاريع تكامل الأنظمة لمصانع الأغذية والتعبئة في منطقة القصيم.'],
  ]],
];

function domainOf(organization: string): string {
  if (organization === PLATFORM_KEY) return DEMO_PLATFORM_DOMAIN;
  const org = DEMO_ORGANIZATIONS.find((o) => o.key === organization);
  if (!org) throw new Error(`the demo users name an unknown organization "${organization}"`);
  return org.domain;
}

/** first.last with the letters only ("Al-Otaibi" gives "alotaibi"). */
function localPartOf(firstName: string, lastName: string): string {
  return `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
}

export const DEMO_USERS: readonly DemoUser[] = USERS.flatMap(([organization, people]) =>
  people.map(([firstName, lastName, role, language, jobTitle, department, phone, bio, extras = {}]) => ({
    organization,
    firstName,
    lastName,
    email: `${extras.localPart ?? localPartOf(firstName, lastName)}@${domainOf(organization)}`,
    jobTitle,
    department,
    phone,
    bio,
    language,
    role,
    ...(extras.platformRole ? { platformRole: extras.platformRole } : {}),
    ...(extras.emailVerified === false ? { emailVerified: false } : {}),
  })),
);

/** The row of a demo user: verified and a plain member of the platform unless the table says otherwise. */
export function userValues(demo: DemoUser): typeof users.$inferInsert {
  return {
    email: demo.email,
    name: `${demo.firstName} ${demo.lastName}`,
    firstName: demo.firstName,
    lastName: demo.lastName,
    emailVerified: demo.emailVerified ?? true,
    jobTitle: demo.jobTitle,
    department: demo.department,
    phone: demo.phone,
    bio: demo.bio,
    language: demo.language,
    platformRole: demo.platformRole ?? 'member',
  };
}
