select uc.id, uc.title, uc.title_ar, uc.summary, uc.summary_ar, uc.category, uc.industry,
  uc.technologies, uc.tags, uc.roi_percent, uc.payback_months, uc.investment_sar, uc.annual_savings_sar,
  uc.city, uc.region, uc.country, uc.latitude, uc.longitude, uc.organization_id, uc.visibility, uc.status,
  uc.featured, uc.verified, uc.hidden_at is not null as hidden, uc.views_count, uc.likes_count, uc.saves_count,
  uc.published_at, uc.created_at, uc.updated_at,
  o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id,
  (select f.file_id from use_case_files f where f.use_case_id = uc.id and f.kind = 'image' order by f.position limit 1) as cover_file_id, to_char(uc.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as published_key
      from use_cases uc join "organizations" o on o.id = uc.organization_id
      where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and (uc.visibility = 'public'
    or (uc.organization_id = $1 and (uc.visibility = 'organization' or uc.author_id = $2))) and uc.search_vector @@ p2p_search_query($3) and uc.roi_percent >= $4 and uc.category = any(array[$5]::text[]) and uc.technologies && array[$6, $7]::text[] and uc.region = any(array[$8]::text[]) and extract(year from ((coalesce(uc.published_at, uc.created_at)) at time zone 'UTC' + interval '3 hours'))::int in ($9) and uc.verified = $10
      order by uc.roi_percent desc nulls last, uc.id desc limit $11 offset $12

-- params
$1 = "33333333-3333-4333-8333-333333333333"
$2 = "11111111-1111-4111-8111-111111111111"
$3 = "predictive maintenance"
$4 = 10
$5 = "maintenance"
$6 = "PLC"
$7 = "Machine Vision"
$8 = "eastern"
$9 = 2025
$10 = true
$11 = 20
$12 = 40
