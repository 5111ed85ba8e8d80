//! Who may do what in an area. Pure rules, so they can be read and tested on their own.
//! A role held on an area also holds on every area inside it (a city official is an official
//! in each of its neighbourhoods).

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Resident,
    Connector,
    Official,
    Representative,
    Moderator,
    Admin,
}

pub const ALL_ROLES: [Role; 6] = [
    Role::Resident,
    Role::Connector,
    Role::Official,
    Role::Representative,
    Role::Moderator,
    Role::Admin,
];

impl Role {
    pub fn parse(value: &str) -> Option<Role> {
        ALL_ROLES.into_iter().find(|r| r.as_str() == value)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::Connector => "connector",
            Role::Official => "official",
            Role::Representative => "representative",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    pub fn label_key(self) -> String {
        format!("role-{}", self.as_str())
    }
}

/// Things done in an area that need more than being signed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaAction {
    /// Edit the area's page, add areas inside it.
    ManageArea,
    /// Give and take away roles.
    ManageRoles,
    /// See who lives there, verify residents, issue invitation codes.
    VerifyResidents,
    /// Set up citizens' juries, see their volunteers, draw and publish panels.
    RunJuries,
    /// Run network mapping exercises: see every name, export, mark introductions made.
    OrganiseMapping,
    /// Set up participatory budgets, review and cost projects, move phases, enter paper
    /// ballots, post implementation updates.
    RunBudgets,
    /// Organise the asset map and skills-game sessions: see every recorded asset, export
    /// them, run sessions.
    OrganiseCommunity,
}

/// Whether someone holding `roles` (on the area or an area around it) may do `action`.
pub fn allows(is_site_admin: bool, roles: &[Role], action: AreaAction) -> bool {
    if is_site_admin {
        return true;
    }
    let holds = |role: Role| roles.contains(&role);
    match action {
        AreaAction::ManageArea | AreaAction::ManageRoles => holds(Role::Admin),
        AreaAction::VerifyResidents | AreaAction::RunJuries | AreaAction::RunBudgets => {
            holds(Role::Official) || holds(Role::Admin)
        }
        AreaAction::OrganiseMapping | AreaAction::OrganiseCommunity => {
            holds(Role::Connector) || holds(Role::Official) || holds(Role::Admin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AreaAction::*;

    #[test]
    fn only_officials_and_admins_verify_residents() {
        assert!(allows(false, &[Role::Official], VerifyResidents));
        assert!(allows(false, &[Role::Admin], VerifyResidents));
        for role in [
            Role::Resident,
            Role::Connector,
            Role::Representative,
            Role::Moderator,
        ] {
            assert!(!allows(false, &[role], VerifyResidents), "{role:?}");
        }
    }

    #[test]
    fn only_officials_and_admins_run_juries_and_budgets() {
        for action in [RunJuries, RunBudgets] {
            assert!(allows(false, &[Role::Official], action));
            assert!(allows(false, &[Role::Admin], action));
            assert!(allows(true, &[], action));
            for role in [
                Role::Resident,
                Role::Connector,
                Role::Representative,
                Role::Moderator,
            ] {
                assert!(!allows(false, &[role], action), "{role:?}");
            }
        }
    }

    #[test]
    fn connectors_officials_and_admins_organise_mapping_and_the_asset_map() {
        for role in [Role::Connector, Role::Official, Role::Admin] {
            assert!(allows(false, &[role], OrganiseMapping), "{role:?}");
            assert!(allows(false, &[role], OrganiseCommunity), "{role:?}");
        }
        for role in [Role::Resident, Role::Representative, Role::Moderator] {
            assert!(!allows(false, &[role], OrganiseMapping), "{role:?}");
            assert!(!allows(false, &[role], OrganiseCommunity), "{role:?}");
        }
    }

    #[test]
    fn only_admins_manage_areas_and_roles() {
        for action in [ManageArea, ManageRoles] {
            assert!(allows(false, &[Role::Admin], action));
            assert!(allows(true, &[], action));
            assert!(!allows(
                false,
                &[Role::Official, Role::Moderator, Role::Resident],
                action
            ));
        }
    }

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in ALL_ROLES {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("mayor"), None);
    }
}
