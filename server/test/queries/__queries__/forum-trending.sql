-- the week’s, at most 10
with searches as (
        select l.term, l.user_id, l.organization_id from forum_search_log l
        where l.created_at > now() - $1::interval and l.results_count > 0 and l.user_id is not null),
      shared as (
        select term, count(distinct user_id) as n from searches group by term
        having count(distinct user_id) >= $2 and count(distinct organization_id) >= $3)
    select shared.term, shared.n from shared cross join lateral (select p2p_search_query(shared.term) as query) q
    where exists (select 1 from forum_topics t join forum_categories c on c.id = t.category_id
                  where t.search_vector @@ q.query and t.deleted_at is null and c.organization_id is null)
       or exists (select 1 from forum_posts p join forum_topics t on t.id = p.topic_id join forum_categories c on c.id = t.category_id
                  where p.search_vector @@ q.query and p.deleted_at is null and t.deleted_at is null and c.organization_id is null)
    order by shared.n desc, shared.term limit $4
-- params: ["7 days",3,2,10]
