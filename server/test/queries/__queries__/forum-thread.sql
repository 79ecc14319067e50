-- page 2 of 20, a member
with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = $1 and t.deleted_at is null and (c.organization_id is null or c.organization_id = $2)),
        roots as (
          select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at from forum_posts where topic_id = $3 and parent_id is null
          
          order by created_at, id limit $4 offset $5),
        total as (select count(*) as total_roots from forum_posts where topic_id = $6 and parent_id is null),
        shown as (
          select f.* from roots r cross join lateral (
            select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at from forum_posts where root_id = r.id and parent_id is not null
            order by created_at, id limit $7) f),
        branches as materialized (
          select r.id as root_id,
            (select count(*) from (select 1 from forum_posts b where b.root_id = r.id limit $8) counted) - 1
              - (select count(*) from shown s where s.root_id = r.id) as more_replies,
            l.last_reply_key, l.last_reply_id
          from roots r left join lateral (
            select to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_reply_key, s.id as last_reply_id from shown s where s.root_id = r.id
            order by s.created_at desc, s.id desc limit 1) l on true)
        select topic.*, total.total_roots, p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $9) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
          b.more_replies, b.last_reply_key, b.last_reply_id
        from topic cross join total
        left join ((select * from roots union all select * from shown) p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id) on true
        left join branches b on b.root_id = p.id
-- params: ["00000000-0000-4000-8000-000000000010","00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000010",20,20,"00000000-0000-4000-8000-000000000010",10,10001,"00000000-0000-4000-8000-000000000001"]

-- page 1 of 50, a moderator
with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = $1 and t.deleted_at is null and true),
        roots as (
          select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at from forum_posts where topic_id = $2 and parent_id is null
          
          order by created_at, id limit $3 offset $4),
        total as (select count(*) as total_roots from forum_posts where topic_id = $5 and parent_id is null),
        shown as (
          select f.* from roots r cross join lateral (
            select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at from forum_posts where root_id = r.id and parent_id is not null
            order by created_at, id limit $6) f),
        branches as materialized (
          select r.id as root_id,
            (select count(*) from (select 1 from forum_posts b where b.root_id = r.id limit $7) counted) - 1
              - (select count(*) from shown s where s.root_id = r.id) as more_replies,
            l.last_reply_key, l.last_reply_id
          from roots r left join lateral (
            select to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_reply_key, s.id as last_reply_id from shown s where s.root_id = r.id
            order by s.created_at desc, s.id desc limit 1) l on true)
        select topic.*, total.total_roots, p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $8) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
          b.more_replies, b.last_reply_key, b.last_reply_id
        from topic cross join total
        left join ((select * from roots union all select * from shown) p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id) on true
        left join branches b on b.root_id = p.id
-- params: ["00000000-0000-4000-8000-000000000010","00000000-0000-4000-8000-000000000010",50,0,"00000000-0000-4000-8000-000000000010",10,10001,"00000000-0000-4000-8000-000000000004"]

-- 20 after a cursor
with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = $1 and t.deleted_at is null and (c.organization_id is null or c.organization_id = $2)),
        roots as (
          select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at from forum_posts where topic_id = $3 and parent_id is null
          and (created_at, id) > ($4::timestamptz, $5::uuid)
          order by created_at, id limit $6 ),
        total as (select count(*) as total_roots from forum_posts where topic_id = $7 and parent_id is null),
        shown as (
          select f.* from roots r cross join lateral (
            select id, topic_id, parent_id, root_id, depth, author_id, organization_id, body, body_html, likes_count, replies_count, created_at, edited_at, deleted_at from forum_posts where root_id = r.id and parent_id is not null
            order by created_at, id limit $8) f),
        branches as materialized (
          select r.id as root_id,
            (select count(*) from (select 1 from forum_posts b where b.root_id = r.id limit $9) counted) - 1
              - (select count(*) from shown s where s.root_id = r.id) as more_replies,
            l.last_reply_key, l.last_reply_id
          from roots r left join lateral (
            select to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as last_reply_key, s.id as last_reply_id from shown s where s.root_id = r.id
            order by s.created_at desc, s.id desc limit 1) l on true)
        select topic.*, total.total_roots, p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $10) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
          b.more_replies, b.last_reply_key, b.last_reply_id
        from topic cross join total
        left join ((select * from roots union all select * from shown) p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id) on true
        left join branches b on b.root_id = p.id
-- params: ["00000000-0000-4000-8000-000000000010","00000000-0000-4000-8000-000000000003","00000000-0000-4000-8000-000000000010","2026-02-01T08:30:00.123456Z","00000000-0000-4000-8000-000000000013",20,"00000000-0000-4000-8000-000000000010",10,10001,"00000000-0000-4000-8000-000000000001"]

-- a top-level post's branch after a cursor
select p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $1) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
      from forum_posts p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id
      where p.root_id = $2 and p.parent_id is not null and (p.created_at, p.id) > ($3::timestamptz, $4::uuid)
      order by p.created_at, p.id limit $5
-- params: ["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000013","2026-02-01T08:30:00.123456Z","00000000-0000-4000-8000-000000000013",51]

-- a reply's descendants, first page
select p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $1) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key
      from forum_posts p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id
      where p.id in (with recursive below as (
            select id from forum_posts where parent_id = $2
            union all select c.id from forum_posts c join below on c.parent_id = below.id)
          select id from below) 
      order by p.created_at, p.id limit $3
-- params: ["00000000-0000-4000-8000-000000000001","00000000-0000-4000-8000-000000000013",51]
