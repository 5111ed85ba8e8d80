//! All SQL about assets: the gifts and skills, resources and spaces, and groups that
//! residents and organisations record. Every read goes through the privacy condition.

use anyhow::Context;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::privacy::{Viewer, Visibility};
use crate::db::{Db, new_id, now_ms};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssetKind {
    Skill,
    Resource,
    Space,
    Group,
}

pub const ALL_KINDS: [AssetKind; 4] = [
    AssetKind::Skill,
    AssetKind::Resource,
    AssetKind::Space,
    AssetKind::Group,
];

impl AssetKind {
    pub fn parse(value: &str) -> Option<AssetKind> {
        ALL_KINDS.into_iter().find(|k| k.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AssetKind::Skill => "skill",
            AssetKind::Resource => "resource",
            AssetKind::Space => "space",
            AssetKind::Group => "group",
        }
    }

    pub fn label_key(self) -> String {
        format!("assets-kind-{}", self.as_str())
    }
}

/// How someone would share a skill or a thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareMode {
    Teach,
    Do,
    Lend,
    Advise,
}

pub const ALL_SHARE_MODES: [ShareMode; 4] = [
    ShareMode::Teach,
    ShareMode::Do,
    ShareMode::Lend,
    ShareMode::Advise,
];

impl ShareMode {
    pub fn parse(value: &str) -> Option<ShareMode> {
        ALL_SHARE_MODES.into_iter().find(|m| m.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ShareMode::Teach => "teach",
            ShareMode::Do => "do",
            ShareMode::Lend => "lend",
            ShareMode::Advise => "advise",
        }
    }

    pub fn label_key(self) -> String {
        format!("assets-share-{}", self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Asset {
    pub id: String,
    pub area_id: String,
    pub area_name: String,
    pub area_slug: String,
    pub kind: AssetKind,
    pub card_code: Option<String>,
    pub title: String,
    pub description: String,
    pub share_modes: Vec<ShareMode>,
    pub capacity: Option<i64>,
    pub accessibility: String,
    pub conditions: String,
    pub cost: String,
    pub visibility: Visibility,
    pub owner_id: String,
    pub owner_name: String,
    pub organisation_name: Option<String>,
    pub organisation_slug: Option<String>,
    pub created_at: i64,
}

impl Asset {
    /// Who offers it: the organisation, or the person.
    pub fn offered_by(&self) -> &str {
        self.organisation_name
            .as_deref()
            .unwrap_or(&self.owner_name)
    }

    pub fn shares(&self, mode: ShareMode) -> bool {
        self.share_modes.contains(&mode)
    }
}

macro_rules! select_asset {
    () => {
        "SELECT i.id, i.area_id, a.name AS area_name, a.slug AS area_slug, i.kind, i.card_code, \
         i.title, i.description, i.share_modes, i.capacity, i.accessibility, i.conditions, \
         i.cost, i.visibility, i.owner_id, u.display_name AS owner_name, \
         o.name AS organisation_name, o.slug AS organisation_slug, i.created_at \
         FROM assets i JOIN areas a ON a.id = i.area_id JOIN users u ON u.id = i.owner_id \
         LEFT JOIN organisations o ON o.id = i.organisation_id"
    };
}

fn asset_from_row(row: &AnyRow) -> anyhow::Result<Asset> {
    let kind: String = row.try_get("kind")?;
    let visibility: String = row.try_get("visibility")?;
    let modes: String = row.try_get("share_modes")?;
    Ok(Asset {
        id: row.try_get("id")?,
        area_id: row.try_get("area_id")?,
        area_name: row.try_get("area_name")?,
        area_slug: row.try_get("area_slug")?,
        kind: AssetKind::parse(&kind).with_context(|| format!("unknown asset kind {kind:?}"))?,
        card_code: row.try_get("card_code")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        share_modes: modes.split(',').filter_map(ShareMode::parse).collect(),
        capacity: row.try_get("capacity")?,
        accessibility: row.try_get("accessibility")?,
        conditions: row.try_get("conditions")?,
        cost: row.try_get("cost")?,
        visibility: Visibility::parse(&visibility)
            .with_context(|| format!("unknown visibility {visibility:?}"))?,
        owner_id: row.try_get("owner_id")?,
        owner_name: row.try_get("owner_name")?,
        organisation_name: row.try_get("organisation_name")?,
        organisation_slug: row.try_get("organisation_slug")?,
        created_at: row.try_get("created_at")?,
    })
}

pub struct NewAsset<'a> {
    pub area_id: &'a str,
    pub kind: AssetKind,
    pub card_code: Option<&'a str>,
    pub title: &'a str,
    pub description: &'a str,
    pub share_modes: &'a [ShareMode],
    pub capacity: Option<i64>,
    pub accessibility: &'a str,
    pub conditions: &'a str,
    pub cost: &'a str,
    pub visibility: Visibility,
    pub owner_id: &'a str,
    pub organisation_id: Option<&'a str>,
    /// Where it is (latitude, longitude): spaces, groups and resources only, never skills.
    pub location: Option<(f64, f64)>,
}

/// Records an asset for a resident entered by someone else: held by an account made for
/// them until they claim it, in one transaction with the record of the entry.
pub async fn create_for_someone(
    db: &Db,
    asset: &NewAsset<'_>,
    entry: &crate::assisted::store::ForSomeone<'_>,
    locale: &str,
) -> anyhow::Result<String> {
    let (mut tx, held) = crate::assisted::store::begin_held(db, entry, locale).await?;
    let held_asset = NewAsset {
        owner_id: held.owner(),
        ..*asset
    };
    let id = create(&mut *tx, &held_asset).await?;
    let item = crate::audit::Item {
        kind: "asset",
        id: &id,
        label: asset.title,
        link: &format!("/assets/{id}"),
    };
    crate::assisted::store::finish_held(tx, item, entry, &held).await?;
    Ok(id)
}

pub async fn create<'e, E: sqlx::Executor<'e, Database = sqlx::Any>>(
    db: E,
    asset: &NewAsset<'_>,
) -> anyhow::Result<String> {
    let id = new_id();
    let modes: Vec<&str> = asset.share_modes.iter().map(|m| m.as_str()).collect();
    sqlx::query(
        "INSERT INTO assets (id, area_id, kind, card_code, title, description, share_modes, \
         capacity, accessibility, conditions, cost, visibility, owner_id, organisation_id, \
         created_at, updated_at, latitude, longitude) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, \
                 CASE WHEN $16 = 1 THEN $17 END, CASE WHEN $16 = 1 THEN $18 END)",
    )
    .bind(&id)
    .bind(asset.area_id)
    .bind(asset.kind.as_str())
    .bind(asset.card_code)
    .bind(asset.title)
    .bind(asset.description)
    .bind(modes.join(","))
    .bind(asset.capacity)
    .bind(asset.accessibility)
    .bind(asset.conditions)
    .bind(asset.cost)
    .bind(asset.visibility.as_str())
    .bind(asset.owner_id)
    .bind(asset.organisation_id)
    .bind(now_ms())
    // Bound as a flag and numbers, never as a None (see db::optional_f64).
    .bind(i64::from(asset.location.is_some()))
    .bind(asset.location.map_or(0.0, |l| l.0))
    .bind(asset.location.map_or(0.0, |l| l.1))
    .execute(db)
    .await
    .context("recording an asset")?;
    Ok(id)
}

/// The asset, if it exists and the viewer may see it.
pub async fn find_visible(db: &Db, viewer: &Viewer, id: &str) -> anyhow::Result<Option<Asset>> {
    let (user, admin) = viewer.binds();
    let row = sqlx::query(concat!(
        select_asset!(),
        " WHERE i.id = $3 AND ",
        crate::visible_to_viewer!()
    ))
    .bind(user)
    .bind(admin)
    .bind(id)
    .fetch_optional(db)
    .await
    .context("finding an asset")?;
    row.as_ref().map(asset_from_row).transpose()
}

/// What a list of assets is narrowed to; empty strings mean "any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AssetFilter {
    pub kind: String,
    pub group: String,
    pub card: String,
    pub share_mode: String,
    /// Words that must appear in the title or description.
    pub text: String,
}

/// Every asset the viewer may see in the area and the areas inside it.
pub async fn in_area(
    db: &Db,
    viewer: &Viewer,
    area_id: &str,
    filter: &AssetFilter,
) -> anyhow::Result<Vec<Asset>> {
    let (user, admin) = viewer.binds();
    let text = if filter.text.trim().is_empty() {
        String::new()
    } else {
        format!("%{}%", filter.text.trim().to_lowercase())
    };
    let rows = sqlx::query(concat!(
        select_asset!(),
        " LEFT JOIN skill_cards c ON c.code = i.card_code \
         WHERE i.area_id IN (SELECT id FROM areas WHERE id = $3 OR parent_id = $3 \
                             OR parent_id IN (SELECT id FROM areas WHERE parent_id = $3)) \
         AND ($4 = '' OR i.kind = $4) AND ($5 = '' OR c.group_code = $5) \
         AND ($6 = '' OR i.card_code = $6) \
         AND ($7 = '' OR (',' || i.share_modes || ',') LIKE ('%,' || $7 || ',%')) \
         AND ($8 = '' OR LOWER(i.title) LIKE $8 OR LOWER(i.description) LIKE $8) AND ",
        crate::visible_to_viewer!(),
        " ORDER BY i.kind, i.title, i.id"
    ))
    .bind(user)
    .bind(admin)
    .bind(area_id)
    .bind(&filter.kind)
    .bind(&filter.group)
    .bind(&filter.card)
    .bind(&filter.share_mode)
    .bind(&text)
    .fetch_all(db)
    .await
    .context("listing an area's assets")?;
    rows.iter().map(asset_from_row).collect()
}

/// What someone recorded themselves.
pub async fn owned_by(db: &Db, owner_id: &str) -> anyhow::Result<Vec<Asset>> {
    let rows = sqlx::query(concat!(
        select_asset!(),
        " WHERE i.owner_id = $1 ORDER BY i.created_at DESC, i.id"
    ))
    .bind(owner_id)
    .fetch_all(db)
    .await
    .context("listing someone's assets")?;
    rows.iter().map(asset_from_row).collect()
}

macro_rules! people_with_skill_sql {
    ($area:literal) => {
        concat!(
            select_asset!(),
            " WHERE i.card_code = $3 AND i.kind = 'skill' AND i.owner_id <> $1 ",
            $area,
            " AND ",
            crate::visible_to_viewer!(),
            " ORDER BY i.created_at DESC LIMIT $5"
        )
    };
}

/// The people (with the skill card) who recorded the skill, in the area first and then
/// anywhere, whom the viewer may see: candidates to invite when an ask needs that skill.
/// Each query walks an index in order and stops at `limit`.
pub async fn people_with_skill(
    db: &Db,
    viewer: &Viewer,
    card: &str,
    area_id: &str,
    limit: i64,
) -> anyhow::Result<Vec<Asset>> {
    let (user, admin) = viewer.binds();
    let mut found: Vec<Asset> = Vec::new();
    let queries = [
        people_with_skill_sql!("AND i.area_id = $4"),
        people_with_skill_sql!("AND $4 <> ''"),
    ];
    for sql in queries {
        let rows = sqlx::query(sql)
            .bind(user)
            .bind(admin)
            .bind(card)
            .bind(area_id)
            .bind(limit)
            .fetch_all(db)
            .await
            .context("finding people with a skill")?;
        for row in &rows {
            let asset = asset_from_row(row)?;
            if found.len() < limit as usize && !found.iter().any(|a| a.id == asset.id) {
                found.push(asset);
            }
        }
    }
    Ok(found)
}

/// Removes an asset its owner no longer offers; false when it is not theirs.
pub async fn delete(db: &Db, id: &str, owner_id: &str) -> anyhow::Result<bool> {
    let done = sqlx::query("DELETE FROM assets WHERE id = $1 AND owner_id = $2")
        .bind(id)
        .bind(owner_id)
        .execute(db)
        .await
        .context("removing an asset")?;
    Ok(done.rows_affected() == 1)
}
