with candidates as ((select uc.id from use_cases uc where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and uc.visibility = 'public' and uc.category = $1 and uc.id <> $2 order by uc.published_at desc limit $3) union (select uc.id from use_cases uc where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and uc.visibility = 'public' and uc.industry = $4 and uc.id <> $5 order by uc.published_at desc limit $6) union (select uc.id from use_cases uc where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and uc.visibility = 'public' and uc.technologies && array[$7, $8]::text[] and uc.id <> $9 limit $10) union (select uc.id from use_cases uc where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and uc.visibility = 'public' and uc.id <> $11 and uc.latitude is not null and uc.longitude is not null and earth_box(ll_to_earth($12::float8, $13::float8), $14::float8) @> ll_to_earth(uc.latitude, uc.longitude) and earth_distance(ll_to_earth($15::float8, $16::float8), ll_to_earth(uc.latitude, uc.longitude)) <= $17::float8 limit $18)),
      scored as (
        select uc.id, uc.published_at, uc.category = $19 as same_category, uc.industry = $20 as same_industry,
          array(select unnest(uc.technologies) intersect select unnest(array[$21, $22]::text[])) as shared, case when uc.latitude is not null and uc.longitude is not null then earth_distance(ll_to_earth($23::float8, $24::float8), ll_to_earth(uc.latitude, uc.longitude)) / 1000.0 end as distance_km, abs(uc.roi_percent - $25) as roi_difference
        from candidates c join use_cases uc on uc.id = c.id),
      ranked as (
        select *, (case when same_category then 3 else 0 end) + (case when same_industry then 2 else 0 end)
          + 1.5 * cardinality(shared)
          + coalesce(greatest(0, 2 * (1 - distance_km / $26)), 0)
          + coalesce(greatest(0, 1 - roi_difference / 50.0), 0) as score
        from scored
        -- The best ones are chosen before the list columns are read: hundreds of candidates, a handful shown.
        order by score desc, published_at desc, id limit $27)
      select uc.id, uc.title, uc.title_ar, uc.summary, uc.summary_ar, uc.category, uc.industry,
  uc.technologies, uc.tags, uc.roi_percent, uc.payback_months, uc.investment_sar, uc.annual_savings_sar,
  uc.city, uc.region, uc.country, uc.latitude, uc.longitude, uc.organization_id, uc.visibility, uc.status,
  uc.featured, uc.verified, uc.hidden_at is not null as hidden, uc.views_count, uc.likes_count, uc.saves_count,
  uc.published_at, uc.created_at, uc.updated_at,
  o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id,
  (select f.file_id from use_case_files f where f.use_case_id = uc.id and f.kind = 'image' order by f.position limit 1) as cover_file_id, r.same_category, r.same_industry, r.shared, r.distance_km as r_distance_km, r.roi_difference, r.score
      from ranked r join use_cases uc on uc.id = r.id join "organizations" o on o.id = uc.organization_id
      order by r.score desc, uc.published_at desc, uc.id limit $28

-- params
$1 = "quality"
$2 = "44444444-4444-4444-8444-444444444444"
$3 = 50
$4 = "food"
$5 = "44444444-4444-4444-8444-444444444444"
$6 = 50
$7 = "Machine Vision"
$8 = "PLC"
$9 = "44444444-4444-4444-8444-444444444444"
$10 = 50
$11 = "44444444-4444-4444-8444-444444444444"
$12 = 21.4858
$13 = 39.1925
$14 = 150000
$15 = 21.4858
$16 = 39.1925
$17 = 150000
$18 = 50
$19 = "quality"
$20 = "food"
$21 = "Machine Vision"
$22 = "PLC"
$23 = 21.4858
$24 = 39.1925
$25 = 35
$26 = 150
$27 = 6
$28 = 6
