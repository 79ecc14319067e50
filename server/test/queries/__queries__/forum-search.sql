-- everything by relevance, first page (logged)
with q as (select p2p_search_query($1) as query, set_config('gin_fuzzy_search_limit', $2, true) as fuzzy),
        hits as (select * from (
      select 'topic' as kind, t.id as topic_id, null::uuid as post_id, t.category_id, t.author_id, t.organization_id, t.created_at,
        t.likes_count, t.best_post_id is not null as solved, ts_rank_cd(t.search_vector, q.query) as rank
      from forum_topics t, q where t.search_vector @@ q.query and t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $3))
       limit $4) topic_hits union all select * from (
      select 'post' as kind, p.topic_id, p.id as post_id, t.category_id, p.author_id, p.organization_id, p.created_at,
        p.likes_count, t.best_post_id is not null as solved, ts_rank_cd(p.search_vector, q.query) as rank
      from forum_posts p join forum_topics t on t.id = p.topic_id, q
      where p.search_vector @@ q.query and p.deleted_at is null and t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $5))
       limit $6) post_hits),
        counts as (select count(*) as total, count(*) filter (where kind = 'topic') as topics, count(*) filter (where kind = 'post') as posts from hits),
        page as (select * from hits order by rank desc, created_at desc limit $7 offset $8),
        logged as (insert into forum_search_log (term, user_id, organization_id, results_count)
                  select left(regexp_replace(lower(p2p_fold_arabic($9)), '\s+', ' ', 'g'), 200), $10, $11, total
                  from counts returning 1)
        select page.*, counts.total, counts.topics, counts.posts,
          ts_headline('public.p2p_bilingual', t.title, q.query, $12) as title_marked,
          ts_headline('public.p2p_bilingual', coalesce(p.body, t.body), q.query, $13) as excerpt_marked,
          u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id
        from counts cross join q left join page on true
        left join forum_topics t on t.id = page.topic_id left join forum_posts p on p.id = page.post_id
        left join "users" u on u.id = page.author_id left join "organizations" o on o.id = page.organization_id
        order by page.rank desc, page.created_at desc
-- params: ["pump vibration","2000","00000000-0000-4000-8000-000000000003",200,"00000000-0000-4000-8000-000000000003",200,20,0,"pump vibration","00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000003","HighlightAll=true, StartSel=⟦, StopSel=⟧","MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=\" … \", StartSel=⟦, StopSel=⟧"]

-- posts by date, filtered, second page
with q as (select p2p_search_query($1) as query),
        hits as (select * from (
      select 'post' as kind, p.topic_id, p.id as post_id, t.category_id, p.author_id, p.organization_id, p.created_at,
        p.likes_count, t.best_post_id is not null as solved, ts_rank_cd(p.search_vector, q.query) as rank
      from forum_posts p join forum_topics t on t.id = p.topic_id, q
      where p.search_vector @@ q.query and p.deleted_at is null and t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $2)) and t.category_id = $3 and p.author_id = $4 and p.created_at >= $5 and p.created_at <= $6
      order by p.created_at desc limit $7) post_hits),
        counts as (select count(*) as total, count(*) filter (where kind = 'topic') as topics, count(*) filter (where kind = 'post') as posts from hits),
        page as (select * from hits order by created_at desc limit $8 offset $9),
        logged as (select 1)
        select page.*, counts.total, counts.topics, counts.posts,
          ts_headline('public.p2p_bilingual', t.title, q.query, $10) as title_marked,
          ts_headline('public.p2p_bilingual', coalesce(p.body, t.body), q.query, $11) as excerpt_marked,
          u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id
        from counts cross join q left join page on true
        left join forum_topics t on t.id = page.topic_id left join forum_posts p on p.id = page.post_id
        left join "users" u on u.id = page.author_id left join "organizations" o on o.id = page.organization_id
        order by page.created_at desc
-- params: ["صيانة المضخة","00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000011","00000000-0000-4000-8000-000000000012","2026-01-01T00:00:00.000Z","2026-03-31T23:59:59.999Z",200,20,20,"HighlightAll=true, StartSel=⟦, StopSel=⟧","MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=\" … \", StartSel=⟦, StopSel=⟧"]

-- topics by likes, a moderator
with q as (select p2p_search_query($1) as query),
        hits as (select * from (
      select 'topic' as kind, t.id as topic_id, null::uuid as post_id, t.category_id, t.author_id, t.organization_id, t.created_at,
        t.likes_count, t.best_post_id is not null as solved, ts_rank_cd(t.search_vector, q.query) as rank
      from forum_topics t, q where t.search_vector @@ q.query and t.deleted_at is null and t.category_id in (select c.id from forum_categories c where true)
      order by t.likes_count desc limit $2) topic_hits),
        counts as (select count(*) as total, count(*) filter (where kind = 'topic') as topics, count(*) filter (where kind = 'post') as posts from hits),
        page as (select * from hits order by likes_count desc, rank desc limit $3 offset $4),
        logged as (insert into forum_search_log (term, user_id, organization_id, results_count)
                  select left(regexp_replace(lower(p2p_fold_arabic($5)), '\s+', ' ', 'g'), 200), $6, $7, total
                  from counts returning 1)
        select page.*, counts.total, counts.topics, counts.posts,
          ts_headline('public.p2p_bilingual', t.title, q.query, $8) as title_marked,
          ts_headline('public.p2p_bilingual', coalesce(p.body, t.body), q.query, $9) as excerpt_marked,
          u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id
        from counts cross join q left join page on true
        left join forum_topics t on t.id = page.topic_id left join forum_posts p on p.id = page.post_id
        left join "users" u on u.id = page.author_id left join "organizations" o on o.id = page.organization_id
        order by page.likes_count desc, page.rank desc
-- params: ["bearing",200,20,0,"bearing","00000000-0000-4000-8000-000000000004","00000000-0000-4000-8000-000000000006","HighlightAll=true, StartSel=⟦, StopSel=⟧","MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=\" … \", StartSel=⟦, StopSel=⟧"]
