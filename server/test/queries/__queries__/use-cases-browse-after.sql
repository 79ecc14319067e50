select uc.id, uc.title, uc.title_ar, uc.summary, uc.summary_ar, uc.category, uc.industry,
  uc.technologies, uc.tags, uc.roi_percent, uc.payback_months, uc.investment_sar, uc.annual_savings_sar,
  uc.city, uc.region, uc.country, uc.latitude, uc.longitude, uc.organization_id, uc.visibility, uc.status,
  uc.featured, uc.verified, uc.hidden_at is not null as hidden, uc.views_count, uc.likes_count, uc.saves_count,
  uc.published_at, uc.created_at, uc.updated_at,
  o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id,
  (select f.file_id from use_case_files f where f.use_case_id = uc.id and f.kind = 'image' order by f.position limit 1) as cover_file_id, to_char(uc.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as published_key
      from use_cases uc join "organizations" o on o.id = uc.organization_id
      where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and uc.visibility = 'public' and (uc.published_at, uc.id) < ($1::timestamptz, $2::uuid)
      order by uc.published_at desc, uc.id desc limit $3 

-- params
$1 = "2026-02-01T08:30:00.123456Z"
$2 = "00000000-0000-4000-8000-000000000020"
$3 = 21
