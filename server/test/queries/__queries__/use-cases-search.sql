with q as (select p2p_search_query($1) as query, set_config('gin_fuzzy_search_limit', $2, true) as fuzzy),
      page as (
        select uc.id, uc.title, uc.title_ar, uc.summary, uc.summary_ar, uc.category, uc.industry,
  uc.technologies, uc.tags, uc.roi_percent, uc.payback_months, uc.investment_sar, uc.annual_savings_sar,
  uc.city, uc.region, uc.country, uc.latitude, uc.longitude, uc.organization_id, uc.visibility, uc.status,
  uc.featured, uc.verified, uc.hidden_at is not null as hidden, uc.views_count, uc.likes_count, uc.saves_count,
  uc.published_at, uc.created_at, uc.updated_at,
  o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id,
  (select f.file_id from use_case_files f where f.use_case_id = uc.id and f.kind = 'image' order by f.position limit 1) as cover_file_id, ts_rank_cd(uc.search_vector, q.query) as rank,
          uc.challenge, uc.solution, uc.results
        from use_cases uc join "organizations" o on o.id = uc.organization_id cross join q
        where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and (uc.visibility = 'public'
    or (uc.organization_id = $3 and (uc.visibility = 'organization' or uc.author_id = $4))) and uc.tags && array[$5]::text[] and uc.search_vector @@ (select p2p_search_query($6)) and uc.category = any(array[$7]::text[])
        order by rank desc, uc.published_at desc, uc.id desc limit $8 offset $9)
    select page.*,
      ts_headline('public.p2p_bilingual', page.title || coalesce(' · ' || page.title_ar, ''), q.query, $10) as title_marked,
      ts_headline('public.p2p_bilingual', page.summary || coalesce(' ' || page.summary_ar, '') || ' ' || page.challenge || ' ' || page.solution || ' ' || page.results,
        q.query, $11) as excerpt_marked
    from page cross join q order by rank desc, page.published_at desc, page.id desc

-- params
$1 = "vision inspection"
$2 = "2000"
$3 = "33333333-3333-4333-8333-333333333333"
$4 = "11111111-1111-4111-8111-111111111111"
$5 = "Packaging"
$6 = "vision inspection"
$7 = "quality"
$8 = 10
$9 = 0
$10 = "HighlightAll=true, StartSel=⟦, StopSel=⟧"
$11 = "MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=\" … \", StartSel=⟦, StopSel=⟧"
