with f as materialized (
        select uc.category, uc.industry, uc.technologies, uc.region, extract(year from ((coalesce(uc.published_at, uc.created_at)) at time zone 'UTC' + interval '3 hours'))::int as year, uc.verified, uc.featured, uc.category = any(array[$1]::text[]) as m_category, true as m_industry, uc.technologies && array[$2, $3]::text[] as m_technology, uc.region = any(array[$4]::text[]) as m_region, extract(year from ((coalesce(uc.published_at, uc.created_at)) at time zone 'UTC' + interval '3 hours'))::int in ($5) as m_year, uc.verified = $6 as m_verified, true as m_featured
        from use_cases uc where uc.status = 'published' and uc.deleted_at is null and uc.hidden_at is null and uc.visibility = 'public' and uc.roi_percent >= $7 and uc.search_vector @@ (select p2p_search_query($8)))
      (select 'category' as facet, category as value, count(*) as n from f
                where m_technology and m_region and m_year and m_verified and category is not null group by category) union all (select 'industry' as facet, industry as value, count(*) as n from f
                where m_category and m_technology and m_region and m_year and m_verified and industry is not null group by industry) union all (select 'technology' as facet, technology as value, count(*) as n
                  from f cross join unnest(f.technologies) as technology where m_category and m_region and m_year and m_verified
                  group by technology order by n desc, technology limit $9) union all (select 'region' as facet, region as value, count(*) as n from f
                where m_category and m_technology and m_year and m_verified and region is not null group by region) union all (select 'year' as facet, year::text as value, count(*) as n from f
                where m_category and m_technology and m_region and m_verified and year is not null group by year) union all (select 'verified' as facet, verified::text as value, count(*) as n from f
                where m_category and m_technology and m_region and m_year and verified is not null group by verified) union all (select 'featured' as facet, featured::text as value, count(*) as n from f
                where m_category and m_technology and m_region and m_year and m_verified and featured is not null group by featured)

-- params
$1 = "maintenance"
$2 = "PLC"
$3 = "Machine Vision"
$4 = "eastern"
$5 = 2025
$6 = true
$7 = 10
$8 = "predictive maintenance"
$9 = 30
