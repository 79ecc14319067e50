with edge as materialized (select earth_distance(ll_to_earth($1::float8, $2::float8), ll_to_earth(uc.latitude, uc.longitude)) as d from use_cases uc where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and (uc.visibility = 'public'
    or (uc.organization_id = $3 and (uc.visibility = 'organization' or uc.author_id = $4))) and uc.region = $5 and uc.latitude is not null and uc.longitude is not null and earth_box(ll_to_earth($6::float8, $7::float8), $8::float8) @> ll_to_earth(uc.latitude, uc.longitude) and earth_distance(ll_to_earth($9::float8, $10::float8), ll_to_earth(uc.latitude, uc.longitude)) <= $11::float8
    order by ll_to_earth(uc.latitude, uc.longitude) <-> ll_to_earth($12::float8, $13::float8) limit 1 offset $14), page as (select uc.id, earth_distance(ll_to_earth($15::float8, $16::float8), ll_to_earth(uc.latitude, uc.longitude)) / 1000.0 as distance_km from use_cases uc
    where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and (uc.visibility = 'public'
    or (uc.organization_id = $17 and (uc.visibility = 'organization' or uc.author_id = $18))) and uc.region = $19 and uc.latitude is not null and uc.longitude is not null and earth_box(ll_to_earth($20::float8, $21::float8), $22::float8) @> ll_to_earth(uc.latitude, uc.longitude) and earth_distance(ll_to_earth($23::float8, $24::float8), ll_to_earth(uc.latitude, uc.longitude)) <= $25::float8
      and ll_to_earth(uc.latitude, uc.longitude) <@ coalesce((select earth_box(ll_to_earth($26::float8, $27::float8), edge.d + 1) from edge), earth_box(ll_to_earth($28::float8, $29::float8), $30::float8))
      and earth_distance(ll_to_earth($31::float8, $32::float8), ll_to_earth(uc.latitude, uc.longitude)) <= coalesce((select edge.d + 1 from edge), $33::float8)
    order by distance_km, uc.id limit $34 offset $35)
      select uc.id, uc.title, uc.title_ar, uc.summary, uc.summary_ar, uc.category, uc.industry,
  uc.technologies, uc.tags, uc.roi_percent, uc.payback_months, uc.investment_sar, uc.annual_savings_sar,
  uc.city, uc.region, uc.country, uc.latitude, uc.longitude, uc.organization_id, uc.visibility, uc.status,
  uc.featured, uc.verified, uc.hidden_at is not null as hidden, uc.views_count, uc.likes_count, uc.saves_count,
  uc.published_at, uc.created_at, uc.updated_at,
  o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id,
  (select f.file_id from use_case_files f where f.use_case_id = uc.id and f.kind = 'image' order by f.position limit 1) as cover_file_id, page.distance_km
      from page join use_cases uc on uc.id = page.id join "organizations" o on o.id = uc.organization_id
      order by page.distance_km, uc.id

-- params
$1 = 26.4207
$2 = 50.0888
$3 = "33333333-3333-4333-8333-333333333333"
$4 = "11111111-1111-4111-8111-111111111111"
$5 = "eastern"
$6 = 26.4207
$7 = 50.0888
$8 = 25000
$9 = 26.4207
$10 = 50.0888
$11 = 25000
$12 = 26.4207
$13 = 50.0888
$14 = 39
$15 = 26.4207
$16 = 50.0888
$17 = "33333333-3333-4333-8333-333333333333"
$18 = "11111111-1111-4111-8111-111111111111"
$19 = "eastern"
$20 = 26.4207
$21 = 50.0888
$22 = 25000
$23 = 26.4207
$24 = 50.0888
$25 = 25000
$26 = 26.4207
$27 = 50.0888
$28 = 26.4207
$29 = 50.0888
$30 = 25000
$31 = 26.4207
$32 = 50.0888
$33 = 25000
$34 = 20
$35 = 20
