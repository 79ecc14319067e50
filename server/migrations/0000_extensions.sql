-- Extensions the product relies on: trigram similarity (typo-tolerant suggestions) and
-- great-circle distances (location search). drizzle-kit does not emit these itself.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS cube;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance;
