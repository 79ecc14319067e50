-- page 2 of 20, a member
with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = $1 and t.deleted_at is null and (c.organization_id is null or c.organization_id = $2)),
        roots as (
          select id from forum_posts where topic_id = (select t_id from topic) and parent_id is null
          order by created_at, id limit $3 offset $4),
        total as (select count(*) as total_roots from forum_posts where topic_id = (select t_id from topic) and parent_id is null)
        select topic.*, total.total_roots, p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $5) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id
        from topic cross join total
        left join (forum_posts p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id) on p.root_id in (select id from roots)
-- params: ["00000000-0000-4000-8000-000000000010","00000000-0000-4000-8000-000000000003",20,20,"00000000-0000-4000-8000-000000000001"]

-- page 1 of 50, a moderator
with topic as (
          select t.id as t_id, t.author_id as t_author_id, t.locked as t_locked, t.best_post_id as t_best_post_id,
            c.organization_id as t_category_organization_id
          from forum_topics t join forum_categories c on c.id = t.category_id
          where t.id = $1 and t.deleted_at is null and true),
        roots as (
          select id from forum_posts where topic_id = (select t_id from topic) and parent_id is null
          order by created_at, id limit $2 offset $3),
        total as (select count(*) as total_roots from forum_posts where topic_id = (select t_id from topic) and parent_id is null)
        select topic.*, total.total_roots, p.id, p.topic_id, p.parent_id, p.root_id, p.depth, p.author_id, p.body, p.body_html,
  p.likes_count, p.replies_count, p.created_at, p.edited_at, p.deleted_at,
  exists(select 1 from forum_post_likes l where l.post_id = p.id and l.user_id = $4) as liked_by_me,
  u.id as a_id, u.name as a_name, u.image as a_image, u.job_title as a_job_title, u.deleted_at is not null as a_former, o.id as o_id, o.name as o_name, o.name_ar as o_name_ar, o.logo_file_id as o_logo_file_id
        from topic cross join total
        left join (forum_posts p join "users" u on u.id = p.author_id join "organizations" o on o.id = p.organization_id) on p.root_id in (select id from roots)
-- params: ["00000000-0000-4000-8000-000000000010",50,0,"00000000-0000-4000-8000-000000000004"]
