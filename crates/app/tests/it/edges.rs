//! The rough edges a new user tripped over (issue 25): each test fails without its fix.

use squaremile::budgets::ballot::{Ballot, BallotFormat};
use squaremile::budgets::seal::BATCH;
use squaremile::budgets::store::{self, Changed, SealedBallot, Voter};
use squaremile::web::session::hash_token;

use crate::support::*;

/// A receipt shows a ballot to whoever holds it, but only the invitation code it was cast
/// with changes it: in the seal and in the ballot box alike.
#[tokio::test]
async fn a_receipt_alone_never_changes_a_ballot() {
    let app = TestApp::spawn().await;
    let voters = 2 * BATCH;
    let (process, codes) = voting_process(&app.db, voters + 1).await;
    sqlx::query("UPDATE pb_processes SET allow_changes = TRUE WHERE id = $1")
        .bind(&process)
        .execute(&app.db)
        .await
        .unwrap();
    let projects = store::projects(&app.db, &process).await.unwrap();
    let first = Ballot::from_pabulib(&projects[0].code, "");
    let second = Ballot::from_pabulib(&projects[1].code, "");
    let mut receipts = Vec::new();
    for code in &codes[..voters] {
        let voter = Voter::Code(hash_token(code));
        let receipt = squaremile::roles::store::printable_code(12);
        let sealed = SealedBallot::new(&receipt, &first, BallotFormat::Approval, Some(&voter));
        store::cast(&app.db, &app.state.ballot_seal, &process, &voter, &sealed)
            .await
            .unwrap();
        receipts.push((receipt, voter));
    }
    // A batch left the seal: some ballots are in the box, the others still sealed.
    assert_eq!(
        count(&app.db, "SELECT COUNT(*) AS n FROM pb_ballots").await,
        BATCH as i64
    );
    let stranger = Voter::Code(hash_token(&codes[voters]));
    for (receipt, voter) in &receipts {
        let changed = SealedBallot::new(receipt, &second, BallotFormat::Approval, Some(voter));
        let by_stranger = store::change(
            &app.db,
            &app.state.ballot_seal,
            &process,
            receipt,
            &stranger,
            &changed,
        )
        .await
        .unwrap();
        assert_eq!(by_stranger, Changed::NotTheVoter);
        let seen = store::ballot_by_receipt(
            &app.db,
            &app.state.ballot_seal,
            &process,
            &hash_token(receipt),
        )
        .await
        .unwrap()
        .expect("the receipt still shows the ballot");
        assert_eq!(seen.vote, projects[0].code, "the stranger changed nothing");
        let by_voter = store::change(
            &app.db,
            &app.state.ballot_seal,
            &process,
            receipt,
            voter,
            &changed,
        )
        .await
        .unwrap();
        assert_eq!(by_voter, Changed::Yes);
        let seen = store::ballot_by_receipt(
            &app.db,
            &app.state.ballot_seal,
            &process,
            &hash_token(receipt),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(seen.vote, projects[1].code);
    }
    let unknown = SealedBallot::new("NOPENOPENOPE", &second, BallotFormat::Approval, None);
    let missing = store::change(
        &app.db,
        &app.state.ballot_seal,
        &process,
        "NOPENOPENOPE",
        &stranger,
        &unknown,
    )
    .await
    .unwrap();
    assert_eq!(missing, Changed::UnknownReceipt);
    // The proof in the box is no hash anyone holding the database can compute: it is not the
    // receipt's hash, nor any voter's key.
    let proofs: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT receipt_hash, change_hash FROM pb_ballots")
            .fetch_all(&app.db)
            .await
            .unwrap();
    for (receipt_hash, proof) in proofs {
        let proof = proof.expect("an online ballot carries its proof");
        assert_ne!(proof, receipt_hash);
        assert!(!codes.iter().any(|c| hash_token(c) == proof));
    }
}
