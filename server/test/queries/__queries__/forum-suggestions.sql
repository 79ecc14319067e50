-- titles completing the typed words
select id, title from (
                select t.id, t.title, t.pinned, t.last_activity_at from forum_topics t
                where t.title_vector @@ to_tsquery('public.p2p_bilingual', $1)
                  and t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $2))
                limit $3) candidates
              order by pinned desc, last_activity_at desc, id desc limit $4
-- params: ["'pump':* & 'vib':*","00000000-0000-4000-8000-000000000003",100,8]

-- similar titles (typos)
select id, title from (
            select t.id, t.title from forum_topics t
            where p2p_fold_arabic(lower($1)) <% p2p_fold_arabic(lower(t.title)) and t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $2))
            limit $3) candidates
          order by word_similarity(p2p_fold_arabic(lower($4)), p2p_fold_arabic(lower(title))) desc, id limit $5
-- params: ["pmup vibraton","00000000-0000-4000-8000-000000000003",50,"pmup vibraton",8]
