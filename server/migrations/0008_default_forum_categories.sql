-- The six forum categories every installation starts with (SPEC 2.3); a platform administrator
-- renames, adds or makes others private later. Existing slugs are left alone.
INSERT INTO "forum_categories" ("slug", "name_en", "name_ar", "description_en", "description_ar", "position") VALUES
  ('automation', 'Automation & Control', 'الأتمتة وأنظمة التحكم', 'PLCs, SCADA, robotics and motion control on the shop floor.', 'وحدات التحكم المنطقي القابلة للبرمجة وأنظمة سكادا والروبوتات والتحكم في الحركة داخل المصنع.', 1),
  ('quality', 'Quality & Compliance', 'الجودة والمطابقة', 'Inspection, statistical process control, ISO systems and SASO certification.', 'الفحص والضبط الإحصائي للعمليات وأنظمة الأيزو وشهادات الهيئة السعودية للمواصفات والمقاييس والجودة.', 2),
  ('maintenance', 'Maintenance & Reliability', 'الصيانة والموثوقية', 'Preventive and predictive maintenance, spare parts and asset reliability.', 'الصيانة الوقائية والتنبؤية وإدارة قطع الغيار وموثوقية الأصول.', 3),
  ('ai', 'AI & Analytics', 'الذكاء الاصطناعي وتحليل البيانات', 'Machine vision, forecasting and data analytics for production.', 'الرؤية الآلية والتنبؤ وتحليل البيانات لتحسين الإنتاج.', 4),
  ('iot', 'Industrial IoT', 'إنترنت الأشياء الصناعي', 'Sensors, connectivity, edge devices and industrial data platforms.', 'أجهزة الاستشعار والاتصال والحوسبة الطرفية ومنصات البيانات الصناعية.', 5),
  ('general', 'General Discussion', 'نقاشات عامة', 'Introductions, events, hiring and everything else about manufacturing in the Kingdom.', 'التعارف والفعاليات والتوظيف وكل ما يتعلق بالصناعة في المملكة.', 6)
ON CONFLICT ("slug") DO NOTHING;
