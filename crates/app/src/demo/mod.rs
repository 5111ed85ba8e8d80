//! The demo neighbourhood: the city of Millbrook with 2 districts, 6 neighbourhoods,
//! 40 residents and 11 organisations. Loading is idempotent: everything is found by its
//! natural key (slug, email) and only what is missing is added.

use anyhow::Context;

use crate::accounts::store::{self as accounts, CreateUserError, NewUser};
use crate::areas::store::{self as areas, AreaKind, CreateAreaError, NewArea};
use crate::db::Db;
use crate::organisations::store::{
    self as organisations, CreateOrgError, MemberRole, OrgFields, OrgKind,
};
use crate::roles::policy::Role;
use crate::roles::store as roles;

mod assets;
mod budgets;
pub mod city;
mod events;
mod juries;
mod mapping;
mod places;
mod providers;
mod reports;

pub(crate) use juries::{DemoRandom, FIRST_NAMES, LAST_NAMES};

/// Every demo account signs in with this password.
pub const PASSWORD: &str = "millbrook-demo";
pub const ADMIN_EMAIL: &str = "priya.shah@millbrook.example";

/// (slug, name, parent slug, description)
const AREAS: &[(&str, &str, Option<&str>, &str)] = &[
    (
        "millbrook",
        "Millbrook",
        None,
        "A small city on the River Mill, with two districts and six neighbourhoods.",
    ),
    (
        "north-millbrook",
        "North Millbrook",
        Some("millbrook"),
        "The older terraced streets north of the river, along the canal.",
    ),
    (
        "riverside",
        "Riverside",
        Some("millbrook"),
        "The market streets and newer estates south of the river.",
    ),
    (
        "canal-quarter",
        "Canal Quarter",
        Some("north-millbrook"),
        "Narrowboats, old mills turned into flats, and a towpath everyone uses.",
    ),
    (
        "hollins-green",
        "Hollins Green",
        Some("north-millbrook"),
        "Family streets around the green, the allotments and the primary school.",
    ),
    (
        "st-annes",
        "St Anne's",
        Some("north-millbrook"),
        "Around St Anne's church hall, home to many older residents.",
    ),
    (
        "weavers-row",
        "Weavers Row",
        Some("riverside"),
        "A street of small workshops and shops, with a bakery at each end.",
    ),
    (
        "old-market",
        "Old Market",
        Some("riverside"),
        "The Saturday market square and the streets around it.",
    ),
    (
        "brook-fields",
        "Brook Fields",
        Some("riverside"),
        "A 1970s estate with a community centre, playing fields and a food bank.",
    ),
];

/// (first name, last name, neighbourhood slug or "" for none, verified by an official)
const RESIDENTS: &[(&str, &str, &str, bool)] = &[
    ("Priya", "Shah", "old-market", true),
    ("Tom", "Hughes", "canal-quarter", true),
    ("Amara", "Okafor", "canal-quarter", true),
    ("Dafydd", "Evans", "canal-quarter", true),
    ("Mei", "Lin", "canal-quarter", true),
    ("Sam", "Whitaker", "canal-quarter", false),
    ("Grace", "Mensah", "canal-quarter", true),
    ("Joe", "Barker", "hollins-green", true),
    ("Fatima", "Begum", "hollins-green", true),
    ("Liam", "O'Connor", "hollins-green", true),
    ("Ruth", "Adeyemi", "hollins-green", false),
    ("Kasia", "Nowak", "hollins-green", true),
    ("Harold", "Pearson", "hollins-green", true),
    ("Edith", "Marsh", "st-annes", true),
    ("Winston", "Campbell", "st-annes", true),
    ("Nadia", "Rahman", "st-annes", true),
    ("George", "Hill", "st-annes", false),
    ("Olu", "Bakare", "st-annes", true),
    ("Beth", "Jones", "st-annes", true),
    ("Yusuf", "Ali", "weavers-row", true),
    ("Hannah", "Clarke", "weavers-row", true),
    ("Marek", "Kowalski", "weavers-row", true),
    ("Siobhan", "Kelly", "weavers-row", false),
    ("Ade", "Williams", "weavers-row", true),
    ("Chloe", "Turner", "weavers-row", true),
    ("Ravi", "Patel", "old-market", true),
    ("Maureen", "Fletcher", "old-market", true),
    ("Kwame", "Asante", "old-market", true),
    ("Zofia", "Wiśniewska", "old-market", false),
    ("Danny", "Moss", "old-market", true),
    ("Aisha", "Hussain", "brook-fields", true),
    ("Pete", "Riley", "brook-fields", true),
    ("Jenny", "Walsh", "brook-fields", true),
    ("Tariq", "Mahmood", "brook-fields", true),
    ("Lucy", "Brennan", "brook-fields", false),
    ("Ian", "Doyle", "brook-fields", true),
    ("Sofia", "Costa", "canal-quarter", true),
    ("Bernard", "Osei", "hollins-green", true),
    ("Ellie", "Grant", "", false),
    ("Rosa", "Martínez", "weavers-row", true),
];

/// (email local part, role, area slug): the people who run things.
const AREA_ROLES: &[(&str, Role, &str)] = &[
    ("tom.hughes", Role::Official, "north-millbrook"),
    ("ravi.patel", Role::Official, "riverside"),
    ("amara.okafor", Role::Connector, "canal-quarter"),
    ("edith.marsh", Role::Connector, "st-annes"),
    ("aisha.hussain", Role::Connector, "brook-fields"),
    ("winston.campbell", Role::Representative, "north-millbrook"),
    ("maureen.fletcher", Role::Representative, "riverside"),
    ("grace.mensah", Role::Moderator, "millbrook"),
    ("yusuf.ali", Role::Admin, "riverside"),
];

/// (slug, name, kind, area slug, description, admin, members with roles)
type DemoOrg = (
    &'static str,
    &'static str,
    OrgKind,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, MemberRole)],
);
const ORGANISATIONS: &[DemoOrg] = &[
    (
        "millbrook-highways",
        "Millbrook Council: Highways and Streets",
        OrgKind::CouncilDepartment,
        "millbrook",
        "Roads, pavements, street lights and drains across Millbrook.",
        "priya.shah",
        &[
            ("tom.hughes", MemberRole::Official),
            ("ravi.patel", MemberRole::Official),
        ],
    ),
    (
        "millbrook-community-development",
        "Millbrook Council: Community Development",
        OrgKind::CouncilDepartment,
        "millbrook",
        "Neighbourhood workers, small grants and the participatory budget.",
        "priya.shah",
        &[
            ("ravi.patel", MemberRole::Official),
            ("amara.okafor", MemberRole::Member),
        ],
    ),
    (
        "millbrook-homes",
        "Millbrook Homes Agency",
        OrgKind::Agency,
        "millbrook",
        "Manages the council's homes and the repairs service.",
        "priya.shah",
        &[("tom.hughes", MemberRole::Official)],
    ),
    (
        "riverside-health-centre",
        "Riverside Health Centre",
        OrgKind::HealthService,
        "riverside",
        "GP surgery, nurses and the social prescribing team.",
        "priya.shah",
        &[("kwame.asante", MemberRole::Official)],
    ),
    (
        "canal-quarter-residents",
        "Canal Quarter Residents' Association",
        OrgKind::CommunityGroup,
        "canal-quarter",
        "Neighbours looking after the towpath, the bins and each other. Meets monthly.",
        "amara.okafor",
        &[
            ("dafydd.evans", MemberRole::Member),
            ("mei.lin", MemberRole::Member),
            ("sofia.costa", MemberRole::Member),
        ],
    ),
    (
        "hollins-green-allotments",
        "Hollins Green Allotment Society",
        OrgKind::CommunityGroup,
        "hollins-green",
        "Forty plots, a seed swap every spring and a shared tool shed.",
        "joe.barker",
        &[
            ("fatima.begum", MemberRole::Member),
            ("harold.pearson", MemberRole::Member),
            ("bernard.osei", MemberRole::Member),
        ],
    ),
    (
        "brook-fields-food-bank",
        "Brook Fields Food Bank",
        OrgKind::Charity,
        "brook-fields",
        "Emergency food parcels, a community fridge and a Friday warm space.",
        "aisha.hussain",
        &[
            ("pete.riley", MemberRole::Member),
            ("jenny.walsh", MemberRole::Member),
            ("tariq.mahmood", MemberRole::Member),
        ],
    ),
    (
        "old-market-repair-cafe",
        "Old Market Repair Café",
        OrgKind::CommunityGroup,
        "old-market",
        "Bring something broken on the first Saturday of the month; volunteers help you fix it.",
        "danny.moss",
        &[
            ("marek.kowalski", MemberRole::Member),
            ("ian.doyle", MemberRole::Member),
        ],
    ),
    (
        "st-annes-befriending",
        "St Anne's Befriending Network",
        OrgKind::Charity,
        "st-annes",
        "Volunteers who visit and phone older neighbours who live alone.",
        "edith.marsh",
        &[
            ("nadia.rahman", MemberRole::Member),
            ("olu.bakare", MemberRole::Member),
            ("beth.jones", MemberRole::Member),
        ],
    ),
    (
        "little-acorns-childminding",
        "Little Acorns Childminding",
        OrgKind::MicroProvider,
        "hollins-green",
        "A registered childminder caring for up to six children in her home.",
        "kasia.nowak",
        &[],
    ),
    (
        "weavers-row-bakery",
        "Weavers Row Bakery",
        OrgKind::Business,
        "weavers-row",
        "Bread, cakes and a community noticeboard. Leftovers go to the food bank.",
        "hannah.clarke",
        &[("chloe.turner", MemberRole::Member)],
    ),
];

/// A demo person's user id, by the local part of their email address.
async fn user_id(db: &Db, local: &str) -> anyhow::Result<String> {
    Ok(accounts::find_by_email(db, &email_of(local))
        .await?
        .with_context(|| format!("demo user {local}"))?
        .id)
}

fn email_of(local: &str) -> String {
    format!("{local}@millbrook.example")
}

fn local_part(first: &str, last: &str) -> String {
    let clean = |s: &str| -> String { crate::web::forms::slugify(s).replace('-', "") };
    format!("{}.{}", clean(first), clean(last))
}

/// Loads (or completes) the demo neighbourhood.
pub async fn load(db: &Db, seal: &crate::budgets::seal::BallotSeal) -> anyhow::Result<()> {
    let hash = tokio::task::spawn_blocking(|| password_auth::generate_hash(PASSWORD))
        .await
        .context("hashing the demo password")?;
    load_areas(db).await?;
    load_people(db, &hash).await?;
    verify_residents(db).await?;
    let admin = accounts::find_by_email(db, ADMIN_EMAIL)
        .await?
        .context("the demo admin is missing")?;
    load_roles(db, &admin.id).await?;
    load_organisations(db).await?;
    juries::load(db, &admin.id).await?;
    mapping::load(db, &admin.id).await?;
    budgets::load(db, seal, &admin.id).await?;
    events::load(db).await?;
    assets::load(db, &admin.id).await?;
    reports::load(db, &admin.id).await?;
    providers::load(db).await?;
    // Last: gives everything above without a place one inside its area (providers too).
    places::load(db).await?;
    tracing::info!(
        "demo neighbourhood ready: sign in as {ADMIN_EMAIL} (site admin), or any demo \
         resident such as tom.hughes@millbrook.example (official), with the password {PASSWORD:?}"
    );
    Ok(())
}

async fn load_areas(db: &Db) -> anyhow::Result<()> {
    for (slug, name, parent, description) in AREAS {
        let parent = match parent {
            Some(p) => Some(
                areas::find_by_slug(db, p)
                    .await?
                    .context("demo parent area")?,
            ),
            None => None,
        };
        let kind = match &parent {
            None => AreaKind::City,
            Some(p) => p.kind.child_kind().context("demo area too deep")?,
        };
        let area = NewArea {
            parent_id: parent.as_ref().map(|p| p.id.as_str()),
            kind,
            slug,
            name,
            description,
        };
        match areas::create(db, &area).await {
            Ok(_) | Err(CreateAreaError::SlugTaken) => {}
            Err(CreateAreaError::Other(e)) => return Err(e),
        }
    }
    Ok(())
}

async fn load_people(db: &Db, hash: &str) -> anyhow::Result<()> {
    for (first, last, home, _) in RESIDENTS {
        let email = email_of(&local_part(first, last));
        let home_area = areas::find_by_slug(db, home).await?;
        let display_name = format!("{first} {last}");
        let user = NewUser {
            email: &email,
            password_hash: hash,
            display_name: &display_name,
            home_area_id: home_area.as_ref().map(|a| a.id.as_str()),
            locale: "en-GB",
            is_admin: email == ADMIN_EMAIL,
        };
        let id = match accounts::create(db, &user).await {
            Ok(id) => id,
            Err(CreateUserError::EmailTaken) => continue,
            Err(e) => return Err(anyhow::Error::new(e)),
        };
        if let Some(area) = home_area {
            crate::roles::claim_residence(db, &id, &area).await?;
        }
    }
    Ok(())
}

/// Each district's official has verified most of its residents.
async fn verify_residents(db: &Db) -> anyhow::Result<()> {
    for (first, last, home, verified) in RESIDENTS {
        let Some(area) = areas::find_by_slug(db, home).await?.filter(|_| *verified) else {
            continue;
        };
        let official = if area_in(db, &area.id, "riverside").await? {
            "ravi.patel"
        } else {
            "tom.hughes"
        };
        let official = accounts::find_by_email(db, &email_of(official))
            .await?
            .context("demo official")?;
        let resident = accounts::find_by_email(db, &email_of(&local_part(first, last)))
            .await?
            .context("demo resident")?;
        roles::verify_resident(db, &resident.id, &area.id, &official.id).await?;
    }
    Ok(())
}

async fn area_in(db: &Db, area_id: &str, ancestor_slug: &str) -> anyhow::Result<bool> {
    Ok(areas::ancestors(db, area_id)
        .await?
        .iter()
        .any(|a| a.slug == ancestor_slug))
}

async fn load_roles(db: &Db, granted_by: &str) -> anyhow::Result<()> {
    for (local, role, area_slug) in AREA_ROLES {
        let user = accounts::find_by_email(db, &email_of(local))
            .await?
            .context("demo role holder")?;
        let area = areas::find_by_slug(db, area_slug)
            .await?
            .context("demo role area")?;
        roles::grant(db, &user.id, &area.id, *role, granted_by).await?;
    }
    Ok(())
}

async fn load_organisations(db: &Db) -> anyhow::Result<()> {
    for (slug, name, kind, area_slug, description, admin, members) in ORGANISATIONS {
        let area = areas::find_by_slug(db, area_slug)
            .await?
            .context("demo organisation area")?;
        let admin = accounts::find_by_email(db, &email_of(admin))
            .await?
            .context("demo organisation admin")?;
        let fields = OrgFields {
            slug,
            name,
            kind: *kind,
            description,
            website: "",
            area_id: Some(&area.id),
        };
        match organisations::create(db, &fields, &admin.id).await {
            Ok(id) => {
                for (local, role) in *members {
                    let member = accounts::find_by_email(db, &email_of(local))
                        .await?
                        .context("demo member")?;
                    organisations::set_member(db, &id, &member.id, *role, &admin.id).await?;
                }
            }
            Err(CreateOrgError::SlugTaken) => {}
            Err(CreateOrgError::Other(e)) => return Err(e),
        }
    }
    Ok(())
}
