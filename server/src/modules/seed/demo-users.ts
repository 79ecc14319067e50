import { type Language, type OrgRole, type PlatformRole } from '@p2p/contracts';
import { PLATFORM_KEY } from './demo-data.js';

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

export const DEMO_USERS: readonly DemoUser[] = [
  {
    organization: PLATFORM_KEY, firstName: 'Tariq', lastName: 'Al-Harthi', email: 'admin@p2p-sandbox.example', platformRole: 'superadmin',
    jobTitle: 'Platform Administrator', department: 'Platform Operations', phone: '+966 50 120 4455', language: 'en', role: 'admin',
    bio: 'Runs the P2P Sandbox platform: organizations, categories and the moderation queue.',
  },
  // Jubail Polymers
  {
    organization: 'jubail-polymers', firstName: 'Faisal', lastName: 'Al-Otaibi', email: 'faisal.alotaibi@jubail-polymers.example',
    jobTitle: 'Plant Manager', department: 'Operations', phone: '+966 50 318 4471', language: 'en', role: 'admin',
    bio: 'Runs three extrusion and injection-moulding halls; interested in OEE tracking and energy savings.',
  },
  {
    organization: 'jubail-polymers', firstName: 'Sara', lastName: 'Al-Amri', email: 'sara.alamri@jubail-polymers.example',
    jobTitle: 'Quality Manager', department: 'Quality', phone: '+966 55 204 9183', language: 'en', role: 'member',
    bio: 'Leads the quality lab and the ISO 9001 programme; currently piloting inline thickness gauging on the film lines.',
  },
  {
    organization: 'jubail-polymers', firstName: 'Majed', lastName: 'Al-Shahrani', email: 'majed.alshahrani@jubail-polymers.example',
    jobTitle: 'Automation Engineer', department: 'Production', phone: '+966 53 771 2046', language: 'ar', role: 'member',
    bio: 'مهندس أتمتة أعمل على برمجة وحدات التحكم المنطقي القابلة للبرمجة وأنظمة سكادا في خطوط البثق.',
  },
  // Najd Steel Works
  {
    organization: 'najd-steel', firstName: 'Khalid', lastName: 'Al-Qahtani', email: 'khalid.alqahtani@najd-steel.example',
    jobTitle: 'Operations Director', department: 'Operations', phone: '+966 50 662 1398', language: 'ar', role: 'admin',
    bio: 'أقود عمليات الصهر والدرفلة في مصانع نجد منذ خمسة عشر عامًا، وأهتم بكفاءة الطاقة ورفع الإنتاجية.',
  },
  {
    organization: 'najd-steel', firstName: 'Noura', lastName: 'Al-Subaie', email: 'noura.alsubaie@najd-steel.example', platformRole: 'moderator',
    jobTitle: 'Data Scientist', department: 'Digital Transformation', phone: '+966 56 118 7420', language: 'en', role: 'member',
    bio: 'Builds furnace energy and yield models, and moderates the forum for the community.',
  },
  {
    organization: 'najd-steel', firstName: 'Turki', lastName: 'Al-Mutairi', email: 'turki.almutairi@najd-steel.example',
    jobTitle: 'Maintenance Supervisor', department: 'Maintenance', phone: '+966 54 903 5512', language: 'ar', role: 'member',
    bio: 'أشرف على فريق الصيانة الميكانيكية والكهربائية، ونعمل حاليًا على الانتقال من الصيانة التصحيحية إلى الصيانة التنبؤية.',
  },
  // Red Sea Food Industries
  {
    organization: 'red-sea-foods', firstName: 'Reem', lastName: 'Al-Ghamdi', email: 'reem.alghamdi@redsea-foods.example',
    jobTitle: 'Plant Manager', department: 'Operations', phone: '+966 55 427 3086', language: 'en', role: 'admin',
    bio: 'Food engineer managing the juice and dairy lines; focused on changeover time and yield.',
  },
  {
    organization: 'red-sea-foods', firstName: 'Omar', lastName: 'Bakhsh', email: 'omar.bakhsh@redsea-foods.example',
    jobTitle: 'Food Safety Specialist', department: 'Quality', phone: '+966 50 839 6254', language: 'ar', role: 'member',
    bio: 'أخصائي سلامة غذاء معتمد في نظام تحليل المخاطر ونقاط التحكم الحرجة، وأتابع متطلبات الهيئة العامة للغذاء والدواء.',
  },
  // Gulf Coast Oilfield Services
  {
    organization: 'gulf-coast-oilfield', firstName: 'Abdullah', lastName: 'Al-Hajri', email: 'abdullah.alhajri@gulfcoast-oilfield.example',
    jobTitle: 'General Manager', department: 'Management', phone: '+966 50 571 8832', language: 'en', role: 'admin',
    bio: 'Mechanical engineer who founded the workshop in 2009; now looking at digital job cards and asset tracking.',
  },
  {
    organization: 'gulf-coast-oilfield', firstName: 'Hind', lastName: 'Al-Khaldi', email: 'hind.alkhaldi@gulfcoast-oilfield.example',
    jobTitle: 'HSE Engineer', department: 'Health, Safety & Environment', phone: '+966 53 246 1175', language: 'en', role: 'member',
    bio: 'Owns permit-to-work and incident reporting; interested in wearables for lone workers.',
  },
  // Yanbu Petrochemical Derivatives
  {
    organization: 'yanbu-petro', firstName: 'Saad', lastName: 'Al-Juhani', email: 'saad.aljuhani@yanbu-petroderivatives.example',
    jobTitle: 'Process Control Manager', department: 'Production', phone: '+966 55 690 2417', language: 'ar', role: 'admin',
    bio: 'أدير أنظمة التحكم الموزّعة في وحدات الإنتاج، وأهتم بالتحكم التنبؤي المتقدم وخفض استهلاك الطاقة.',
  },
  {
    organization: 'yanbu-petro', firstName: 'Lama', lastName: 'Al-Ruwaili', email: 'lama.alruwaili@yanbu-petroderivatives.example',
    jobTitle: 'Reliability Engineer', department: 'Maintenance', phone: '+966 59 314 8806', language: 'en', role: 'member',
    bio: 'Works on vibration monitoring and root-cause analysis for pumps, compressors and other rotating equipment.',
  },
  // Al-Kharj Pharmaceutical Industries
  {
    organization: 'alkharj-pharma', firstName: 'Maha', lastName: 'Al-Anazi', email: 'maha.alanazi@alkharj-pharma.example',
    jobTitle: 'Quality Assurance Director', department: 'Quality', phone: '+966 50 287 6631', language: 'ar', role: 'admin',
    bio: 'أقود إدارة ضمان الجودة وأشرف على الالتزام بممارسات التصنيع الجيدة ومتطلبات الهيئة العامة للغذاء والدواء.',
  },
  {
    organization: 'alkharj-pharma', firstName: 'Yousef', lastName: 'Al-Shehri', email: 'yousef.alshehri@alkharj-pharma.example',
    jobTitle: 'Validation Engineer', department: 'Quality', phone: '+966 54 158 3390', language: 'en', role: 'member',
    bio: 'Validates equipment, cleaning and computerised systems; working toward electronic batch records.',
  },
  // Sudair Building Materials
  {
    organization: 'sudair-building', firstName: 'Fahad', lastName: 'Al-Rashid', email: 'fahad.alrashid@sudair-building.example',
    jobTitle: 'Plant Manager', department: 'Operations', phone: '+966 55 740 1268', language: 'ar', role: 'admin',
    bio: 'أدير مصنعًا لإنتاج الطوب الخرساني وبلاط الأرصفة المتداخل، ونسعى إلى أتمتة خطوط التعبئة والتغليف.',
  },
  // Aja Cement Company
  {
    organization: 'aja-cement', firstName: 'Bandar', lastName: 'Al-Shammari', email: 'bandar.alshammari@aja-cement.example',
    jobTitle: 'Kiln Operations Manager', department: 'Production', phone: '+966 50 926 4413', language: 'ar', role: 'admin',
    bio: 'مسؤول عن تشغيل الأفران الدوّارة وطواحين الأسمنت، وأعمل على خفض استهلاك الوقود الحراري.',
  },
  {
    organization: 'aja-cement', firstName: 'Ghada', lastName: 'Al-Rashidi', email: 'ghada.alrashidi@aja-cement.example',
    jobTitle: 'Energy Efficiency Engineer', department: 'Engineering', phone: '+966 56 372 9054', language: 'en', role: 'member',
    bio: 'Tracks fuel and power use per tonne of clinker and runs the waste-heat recovery studies.',
  },
  // Dhahran Electrical Equipment
  {
    organization: 'dhahran-electrical', firstName: 'Hussain', lastName: 'Al-Nasser', email: 'hussain.alnasser@dhahran-electrical.example',
    jobTitle: 'Engineering Manager', department: 'Engineering', phone: '+966 50 413 7725', language: 'en', role: 'admin',
    bio: 'Leads switchgear design and type testing; keen on digital twins for panel assembly.',
  },
  {
    organization: 'dhahran-electrical', firstName: 'Zainab', lastName: 'Al-Saif', email: 'zainab.alsaif@dhahran-electrical.example',
    jobTitle: 'Test Engineer', department: 'Quality', phone: '+966 55 862 0391', language: 'en', role: 'member',
    bio: 'Runs routine and dielectric tests on finished panels and is automating the test reports.',
  },
  // Smart Circuits Arabia
  {
    organization: 'smart-circuits', firstName: 'Rayan', lastName: 'Hawsawi', email: 'rayan.hawsawi@smartcircuits-arabia.example',
    jobTitle: 'Founder & CEO', department: 'Management', phone: '+966 53 507 2284', language: 'en', role: 'admin',
    bio: 'Electronics engineer building a local SMT line for industrial sensors and controllers.',
  },
  // Khobar Auto Components
  {
    organization: 'khobar-auto', firstName: 'Sultan', lastName: 'Al-Dawsari', email: 'sultan.aldawsari@khobar-autocomponents.example',
    jobTitle: 'Production Manager', department: 'Production', phone: '+966 50 744 9126', language: 'ar', role: 'admin',
    bio: 'أدير خطوط الكبس واللحام الآلي لمكونات السيارات، وأهتم بتطبيق منهجيات التصنيع الرشيق.',
  },
  {
    organization: 'khobar-auto', firstName: 'Dana', lastName: 'Al-Mulhim', email: 'dana.almulhim@khobar-autocomponents.example',
    jobTitle: 'Lean Manufacturing Engineer', department: 'Continuous Improvement', phone: '+966 54 629 3307', language: 'en', role: 'member',
    bio: 'Runs kaizen events and quick-changeover (SMED) workshops on the press lines.',
  },
  // Hejaz Textile Mills
  {
    organization: 'hejaz-textiles', firstName: 'Amal', lastName: 'Al-Zahrani', email: 'amal.alzahrani@hejaz-textiles.example',
    jobTitle: 'Operations Manager', department: 'Operations', phone: '+966 55 381 6640', language: 'ar', role: 'admin',
    bio: 'أدير عمليات النسيج والصباغة والتجهيز، وأعمل على رقمنة متابعة الإنتاج في المصنع.',
  },
  // Madinah Paper & Packaging
  {
    organization: 'madinah-packaging', firstName: 'Waleed', lastName: 'Al-Sahli', email: 'waleed.alsahli@madinah-packaging.example',
    jobTitle: 'Plant Manager', department: 'Operations', phone: '+966 50 158 2973', language: 'ar', role: 'admin',
    bio: 'أدير مصنعًا لإنتاج الكرتون المموّج وعبوات الورق، وأركّز على تقليل الهدر وإعادة التدوير.',
  },
  {
    organization: 'madinah-packaging', firstName: 'Razan', lastName: 'Al-Harbi', email: 'razan.alharbi@madinah-packaging.example', emailVerified: false,
    jobTitle: 'Production Planner', department: 'Planning', phone: '+966 56 904 1187', language: 'en', role: 'member',
    bio: 'Plans the corrugator and converting schedules; new to the platform.',
  },
  // Al-Ahsa Specialty Chemicals
  {
    organization: 'alahsa-chemicals', firstName: 'Ali', lastName: 'Al-Mubarak', email: 'ali.almubarak@alahsa-chemicals.example',
    jobTitle: 'Managing Director', department: 'Management', phone: '+966 50 672 3318', language: 'ar', role: 'admin',
    bio: 'أسستُ الشركة لإنتاج مواد كيميائية متخصصة لمعالجة المياه وللصناعات الغذائية في الأحساء.',
  },
  // Asir Minerals & Quarries
  {
    organization: 'asir-minerals', firstName: 'Mohammed', lastName: 'Al-Asmari', email: 'mohammed.alasmari@asir-minerals.example',
    jobTitle: 'Mine Manager', department: 'Operations', phone: '+966 55 219 8864', language: 'ar', role: 'admin',
    bio: 'مهندس تعدين أدير عمليات المحاجر واستخراج الخامات الصناعية في منطقة عسير.',
  },
  {
    organization: 'asir-minerals', firstName: 'Shahad', lastName: 'Al-Qarni', email: 'shahad.alqarni@asir-minerals.example',
    jobTitle: 'Mining Engineer', department: 'Exploration', phone: '+966 53 486 1702', language: 'en', role: 'member',
    bio: 'Plans drilling and blasting, and is testing drone surveys to measure stockpile volumes.',
  },
  // Jazan Water Technologies
  {
    organization: 'jazan-water', firstName: 'Ibrahim', lastName: 'Hakami', email: 'ibrahim.hakami@jazan-water.example',
    jobTitle: 'Technical Director', department: 'Engineering', phone: '+966 50 833 5147', language: 'ar', role: 'admin',
    bio: 'أقود فريقًا هندسيًا يعمل على محطات التحلية الصغيرة ومراقبة شبكات المياه عن بُعد.',
  },
  // Tabuk Cold Chain Logistics
  {
    organization: 'tabuk-coldchain', firstName: 'Nawaf', lastName: 'Al-Balawi', email: 'nawaf.albalawi@tabuk-coldchain.example',
    jobTitle: 'Fleet Operations Manager', department: 'Operations', phone: '+966 55 196 4428', language: 'en', role: 'admin',
    bio: 'Manages 120 reefer trucks and three cold stores; working on live temperature telemetry.',
  },
  {
    organization: 'tabuk-coldchain', firstName: 'Haifa', lastName: 'Al-Atawi', email: 'haifa.alatawi@tabuk-coldchain.example',
    jobTitle: 'IoT Solutions Engineer', department: 'Digital Transformation', phone: '+966 56 247 0319', language: 'en', role: 'member',
    bio: 'Connects cold-room and truck sensors to a central dashboard with alerts.',
  },
  // Qassim Industrial Automation
  {
    organization: 'qassim-automation', firstName: 'Abdulrahman', lastName: 'Al-Sulaim', email: 'abdulrahman.alsulaim@qassim-automation.example',
    jobTitle: 'Automation Consultant', department: 'Engineering', phone: '+966 50 390 6675', language: 'en', role: 'admin',
    bio: 'Twenty years of integrating PLCs and drives for date, dairy and packaging plants.',
  },
  {
    organization: 'qassim-automation', firstName: 'Nouf', lastName: 'Al-Jasser', email: 'nouf.aljasser@qassim-automation.example',
    jobTitle: 'Controls Engineer', department: 'Projects', phone: '+966 54 715 2236', language: 'ar', role: 'member',
    bio: 'مهندسة تحكم أعمل على مشاريع تكامل الأنظمة لمصانع الأغذية والتعبئة في منطقة القصيم.',
  },
];
