//! Who may see an asset, an offer or an ask: the one privacy rule, written once as a SQL
//! condition that every query over these items includes, so a private item cannot reach a
//! page, an export, a search result or the API by another route.

use crate::web::CurrentUser;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    /// Anyone, signed in or not.
    Public,
    /// Verified residents of the item's area (or of an area inside or around it): saying
    /// "I live here" is not enough until an official (or a letter code) confirms it.
    Residents,
    /// The area's organisers: connectors, officials and admins.
    Organisers,
}

pub const ALL_VISIBILITIES: [Visibility; 3] = [
    Visibility::Public,
    Visibility::Residents,
    Visibility::Organisers,
];

impl Visibility {
    pub fn parse(value: &str) -> Option<Visibility> {
        ALL_VISIBILITIES.into_iter().find(|v| v.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Residents => "residents",
            Visibility::Organisers => "organisers",
        }
    }

    pub fn label_key(self) -> String {
        format!("assets-visibility-{}", self.as_str())
    }
}

/// Who is looking. The owner always sees their own items; site admins see everything.
#[derive(Clone, Debug, Default)]
pub struct Viewer {
    pub user_id: String,
    pub is_admin: bool,
}

impl Viewer {
    pub fn of(user: Option<&CurrentUser>) -> Viewer {
        user.map(|u| Viewer {
            user_id: u.id.clone(),
            is_admin: u.is_admin,
        })
        .unwrap_or_default()
    }

    pub fn anonymous() -> Viewer {
        Viewer::default()
    }

    /// The two values the [`visible_to_viewer`] condition reads as `$1` and `$2`.
    pub fn binds(&self) -> (&str, i32) {
        (&self.user_id, i32::from(self.is_admin))
    }
}

/// The condition "the viewer may see item `i`", for a query whose item has the alias `i`
/// with columns `visibility`, `area_id` and `owner_id`, and whose first two parameters are
/// [`Viewer::binds`]. Areas nest at most three deep (city, district, neighbourhood), so
/// "around" and "inside" are one or two parent steps. A resident counts only once verified
/// (`verified_at` set): anyone can register and claim to live anywhere.
#[macro_export]
macro_rules! visible_to_viewer {
    () => {
        "(i.visibility = 'public' OR i.owner_id = $1 OR $2 = 1 \
          OR EXISTS (SELECT 1 FROM areas x LEFT JOIN areas xp ON xp.id = x.parent_id \
                     JOIN area_roles r ON r.user_id = $1 \
                     JOIN areas ra ON ra.id = r.area_id \
                     LEFT JOIN areas rp ON rp.id = ra.parent_id \
                     WHERE x.id = i.area_id AND ( \
                       (r.role IN ('connector', 'official', 'admin') \
                        AND r.area_id IN (x.id, x.parent_id, xp.parent_id)) \
                       OR (i.visibility = 'residents' AND r.role = 'resident' \
                           AND r.verified_at IS NOT NULL \
                           AND (r.area_id IN (x.id, x.parent_id, xp.parent_id) \
                                OR x.id IN (ra.parent_id, rp.parent_id))))))"
    };
}
