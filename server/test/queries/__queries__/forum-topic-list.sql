-- a category, by activity, counted by the categories
select t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id, u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, (select coalesce(sum(c.topics_count), 0) from forum_categories c
           where (c.organization_id is null or c.organization_id = $1) and c.id = $2) as total_count,
          to_char(t.last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')::text as sort_key
        from forum_topics t join "users" u on u.id = t.author_id join "organizations" o on o.id = t.organization_id
        where t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $3)) and t.category_id = $4 order by t.pinned desc, t.last_activity_at desc, t.id desc limit $5 offset $6
-- params: ["00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000011","00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000011",20,0]

-- filtered, by likes, counted up to the limit
select t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id, u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, (select count(*) from (select 1 from forum_topics t where t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $1)) and t.author_id = $2 and t.best_post_id is not null and t.created_at >= $3 and t.created_at <= $4 limit $5) s) as total_count,
          t.likes_count::text as sort_key
        from forum_topics t join "users" u on u.id = t.author_id join "organizations" o on o.id = t.organization_id
        where t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $6)) and t.author_id = $7 and t.best_post_id is not null and t.created_at >= $8 and t.created_at <= $9 order by t.pinned desc, t.likes_count desc, t.id desc limit $10 offset $11
-- params: ["00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000012","2026-01-01T00:00:00.000Z","2026-03-31T23:59:59.999Z",10001,"00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000012","2026-01-01T00:00:00.000Z","2026-03-31T23:59:59.999Z",10,20]

-- everything, a moderator
select t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id, u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, (select coalesce(sum(c.topics_count), 0) from forum_categories c
           where true ) as total_count,
          t.posts_count::text as sort_key
        from forum_topics t join "users" u on u.id = t.author_id join "organizations" o on o.id = t.organization_id
        where t.deleted_at is null and t.category_id in (select c.id from forum_categories c where true) order by t.pinned desc, t.posts_count desc, t.id desc limit $1 offset $2
-- params: [20,0]

-- a category, by activity, after a cursor
select t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id, u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, (select coalesce(sum(c.topics_count), 0) from forum_categories c
           where (c.organization_id is null or c.organization_id = $1) and c.id = $2) as total_count,
          to_char(t.last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')::text as sort_key
        from forum_topics t join "users" u on u.id = t.author_id join "organizations" o on o.id = t.organization_id
        where t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $3)) and t.category_id = $4 and (t.pinned, t.last_activity_at, t.id) < ($5::boolean, $6::timestamptz, $7::uuid) order by t.pinned desc, t.last_activity_at desc, t.id desc limit $8
-- params: ["00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000011","00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000011",false,"2026-02-01T08:30:00.123456Z","00000000-0000-4000-8000-000000000010",21]

-- everything, by views, after a cursor
select t.id, t.category_id, t.title, left(t.body, 600) as body_start, t.pinned, t.locked, t.best_post_id,
  t.views_count, t.likes_count, t.posts_count, t.last_activity_at, t.created_at, t.author_id, u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, (select coalesce(sum(c.topics_count), 0) from forum_categories c
           where (c.organization_id is null or c.organization_id = $1) ) as total_count,
          t.views_count::text as sort_key
        from forum_topics t join "users" u on u.id = t.author_id join "organizations" o on o.id = t.organization_id
        where t.deleted_at is null and t.category_id in (select c.id from forum_categories c where (c.organization_id is null or c.organization_id = $2)) and (t.pinned, t.views_count, t.id) < ($3::boolean, $4::integer, $5::uuid) order by t.pinned desc, t.views_count desc, t.id desc limit $6
-- params: ["00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000003",false,42,"00000000-0000-4000-8000-000000000010",21]
