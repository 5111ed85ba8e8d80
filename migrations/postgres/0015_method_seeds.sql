-- Which of the twelve first recipes (methods/seed.rs) a method still is: its slug, or NULL
-- for everyone's own methods and adaptations. While it is set, pages show the recipe from
-- the Fluent messages seed-<seed>-* in the reader's language; the stored English text is
-- then only the fallback and what search also matches. Whatever changes a seeded method's
-- text must set seed to NULL: from then on the stored text is the recipe in every language.
-- Keep sqlite/0015_method_seeds.sql in step.

ALTER TABLE methods ADD COLUMN seed TEXT;

-- The rows the site itself added: the twelve slugs, no author account, the site's
-- attribution, not an adaptation.
UPDATE methods SET seed = slug
WHERE author_id IS NULL
  AND author_name = 'Square Mile contributors'
  AND forked_from IS NULL
  AND slug IN ('skills-game', 'network-mapping-questionnaire', 'asset-walk',
               'community-conversation', 'open-space', 'world-cafe', 'citizens-jury',
               'participatory-budgeting', 'walk-and-talk', 'story-circle',
               'one-to-one-conversations', 'living-lab');
