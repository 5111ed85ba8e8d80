//! The demo's citizens' juries: one published, with its draw and a replacement, and one
//! still taking volunteers.

use anyhow::Context;

use super::local_part;
use crate::areas::store as areas;
use crate::db::Db;

/// The published jury of the demo: (slug, title, area, panel size, purpose, quotas).
const JURY_QUOTAS: &str = "feature,value,min,max
age,16-29,3,5
age,30-44,4,6
age,45-64,5,7
age,65+,3,5
gender,woman,9,11
gender,man,9,11
gender,in another way,0,1
district,North Millbrook,9,11
district,Riverside,9,11
housing,owns their home,8,11
housing,rents privately,4,7
housing,rents from the council or a housing association,3,6
";

/// The jury still taking volunteers, in Riverside.
const ASSEMBLY_QUOTAS: &str = "feature,value,min,max
age,16-29,2,4
age,30-44,2,4
age,45-64,3,5
age,65+,2,4
gender,woman,5,7
gender,man,5,7
gender,in another way,0,1
housing,owns their home,4,7
housing,rents privately,2,5
housing,rents from the council or a housing association,2,4
";

/// How common each value is among demo volunteers, per feature name.
fn demo_weights(feature: &str) -> &'static [usize] {
    match feature {
        "age" => &[12, 22, 36, 30],
        "gender" => &[52, 46, 2],
        "district" => &[55, 45],
        _ => &[62, 22, 16],
    }
}

pub(crate) const FIRST_NAMES: [&str; 24] = [
    "Aisha", "Ben", "Carys", "Dev", "Elif", "Femi", "Gwen", "Hassan", "Iris", "Jamal", "Kerry",
    "Luca", "Maya", "Niall", "Olu", "Pippa", "Rafi", "Sian", "Tariq", "Una", "Vikram", "Wendy",
    "Yusuf", "Zara",
];
pub(crate) const LAST_NAMES: [&str; 12] = [
    "Ahmed", "Brown", "Costa", "Davies", "Evans", "Farah", "Green", "Hughes", "Iqbal", "Jones",
    "Khan", "Lewis",
];
const STREETS: [&str; 8] = [
    "Canal Street",
    "Lock Lane",
    "Weavers Row",
    "Mill Road",
    "Market Street",
    "Quay Walk",
    "Hollins Green",
    "Station Road",
];

/// A small deterministic generator, so the demo is the same on every machine.
pub(crate) struct DemoRandom(pub u64);

impl DemoRandom {
    pub fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut r = self.next(weights.iter().sum());
        weights
            .iter()
            .position(|&w| {
                if r < w {
                    true
                } else {
                    r -= w;
                    false
                }
            })
            .unwrap_or(0)
    }
}

/// A published jury with 140 volunteers (older homeowners over-represented, as in real
/// pools), its fair draw and one replacement; and a jury still taking volunteers, with
/// letters sent to addresses drawn at random. (The published jury shows the plain fair draw;
/// a lottery anyone can check, with its public seed, is followed end to end by the juries
/// tests.)
pub(super) async fn load(db: &Db, admin_id: &str) -> anyhow::Result<()> {
    use crate::juries::store as juries;
    let city = areas::find_by_slug(db, "millbrook")
        .await?
        .context("demo city")?;
    let riverside = areas::find_by_slug(db, "riverside")
        .await?
        .context("demo district")?;
    let features = sortition::read_categories(JURY_QUOTAS).context("demo quotas")?;
    let assembly_features =
        sortition::read_categories(ASSEMBLY_QUOTAS).context("demo assembly quotas")?;
    let published = juries::NewJury {
        area_id: &city.id,
        slug: "streets-for-people",
        title: "Millbrook Citizens' Jury on Streets for People",
        purpose: "How should Millbrook share its streets between walking, cycling, buses, \
                  deliveries and parking? Twenty residents, drawn by lot, meet for four \
                  Saturdays and recommend what the council should do.",
        panel_size: 20,
        one_per_household: true,
        closes_on: "2026-10-15",
        meets_on: "2026-11-07",
        features: &features,
    };
    let open = juries::NewJury {
        area_id: &riverside.id,
        slug: "market-hall-assembly",
        title: "Riverside Assembly on the Old Market Hall",
        purpose: "What should the empty Old Market Hall become? Twelve residents of \
                  Riverside, drawn by lot, will visit, hear from the council and local \
                  groups, and decide on a recommendation.",
        panel_size: 12,
        closes_on: "2027-01-31",
        meets_on: "2027-02-20",
        features: &assembly_features,
        ..published
    };
    for (jury, volunteers) in [(&published, 140), (&open, 30)] {
        match juries::create(db, jury, admin_id).await {
            Ok(id) => add_demo_volunteers(db, &id, jury.features, volunteers).await?,
            Err(juries::CreateJuryError::SlugTaken) => continue,
            Err(juries::CreateJuryError::Other(e)) => return Err(e),
        }
    }
    letters_for_the_assembly(db).await?;
    let jury = juries::find_by_slug(db, published.slug)
        .await?
        .context("the demo jury")?;
    if jury.status != juries::JuryStatus::Open {
        return Ok(());
    }
    let mut demo_draw = juries::NewDraw {
        jury_id: &jury.id,
        kind: juries::DrawKind::Panel,
        method: sortition::Method::Leximin,
        seed: 20261016,
        size: 20,
        requested_by: admin_id,
        lottery: None,
    };
    run_demo_draw(db, &demo_draw, &[juries::JuryStatus::Open]).await?;
    // One member drops out before the first meeting and is replaced: the first member
    // with someone left in the pool who answered alike, so a replacement within the
    // quotas exists whichever panel the draw chose.
    let volunteers = juries::volunteers(db, &jury.id).await?;
    let first = volunteers
        .iter()
        .filter(|v| v.status == juries::VolunteerStatus::Selected)
        .find(|v| {
            volunteers.iter().any(|other| {
                other.status != juries::VolunteerStatus::Selected && other.answers == v.answers
            })
        })
        .context("the demo panel")?;
    juries::mark_dropped_out(db, &jury.id, &first.id).await?;
    demo_draw.kind = juries::DrawKind::Replacement;
    demo_draw.seed = 20261101;
    demo_draw.size = 1;
    run_demo_draw(db, &demo_draw, &[juries::JuryStatus::Selected]).await?;
    juries::change_status(
        db,
        &jury.id,
        &[juries::JuryStatus::Selected],
        juries::JuryStatus::Published,
    )
    .await?;
    Ok(())
}

/// The assembly still taking volunteers sent letters to 60 of Riverside's 240 listed
/// households, Weavers Row over-sampled (it answers least).
async fn letters_for_the_assembly(db: &Db) -> anyhow::Result<()> {
    use crate::juries::store as juries;
    let jury = juries::find_by_slug(db, "market-hall-assembly")
        .await?
        .context("the demo assembly")?;
    if !juries::response_rates(db, &jury.id).await?.is_empty() {
        return Ok(());
    }
    let mut list = String::from("address,area\n");
    for (street, households) in [
        ("Canal Street", 120),
        ("Lock Lane", 80),
        ("Weavers Row", 40),
    ] {
        for h in 1..=households {
            list.push_str(&format!("{h} {street},{street}\n"));
        }
    }
    let addresses = sortition::read_addresses(&list, "address", "area")?;
    let weights = std::collections::HashMap::from([("Weavers Row".to_string(), 2.0)]);
    let drawn = sortition::draw_addresses(&addresses, 60, &weights, 20261201)?;
    let letters: Vec<(String, String)> = drawn
        .iter()
        .map(|&i| (addresses[i].address.clone(), addresses[i].area.clone()))
        .collect();
    juries::create_address_letters(db, &jury.id, &letters).await?;
    Ok(())
}

/// Queues a draw and runs its job at once; the draw's id.
async fn run_demo_draw(
    db: &Db,
    new_draw: &crate::juries::store::NewDraw<'_>,
    from: &[crate::juries::store::JuryStatus],
) -> anyhow::Result<String> {
    use crate::juries::{draw, store as juries};
    let draw_id = juries::queue_draw(db, new_draw, from)
        .await?
        .context("queueing the demo draw")?;
    let payload = serde_json::to_string(&juries::DrawJob {
        draw_id: draw_id.clone(),
    })?;
    draw::run_job(db, "", &payload).await?;
    Ok(draw_id)
}

async fn add_demo_volunteers(
    db: &Db,
    jury_id: &str,
    features: &[sortition::Feature],
    count: usize,
) -> anyhow::Result<()> {
    use crate::juries::store as juries;
    let mut random = DemoRandom(count as u64);
    for i in 0..count {
        let answers: Vec<usize> = features
            .iter()
            .map(|f| random.weighted(demo_weights(&f.name)))
            .collect();
        let first = FIRST_NAMES[random.next(FIRST_NAMES.len())];
        let last = LAST_NAMES[random.next(LAST_NAMES.len())];
        // Every tenth volunteer shares a home with the one before.
        let house = if i % 10 == 9 { i - 1 } else { i };
        let address = format!("{} {}", house + 1, STREETS[house % STREETS.len()]);
        let email = format!(
            "{}{i}@volunteers.millbrook.example",
            local_part(first, last)
        );
        let volunteer = juries::NewVolunteer {
            jury_id,
            user_id: None,
            name: &format!("{first} {last}"),
            email: &email,
            phone: "",
            address: &address,
            postcode: if house % 2 == 0 { "MB1 4NM" } else { "MB2 7RS" },
            answers: &answers,
            letter_code: None,
            locale: "en-GB",
            for_someone: None,
        };
        juries::register(db, &volunteer).await?;
    }
    Ok(())
}
