//! Sensitive members never reach `Debug` output.

use awsgen_fixture_sensitive::types::Credentials;

#[test]
fn debug_redacts_sensitive_members() {
    let credentials = Credentials::builder()
        .user("alice")
        .password("hunter2")
        .token(awsgen_fixture_sensitive::primitives::Blob::from(
            "secret-token",
        ))
        .build()
        .unwrap();
    let shown = format!("{credentials:?}");
    assert!(shown.contains("alice"), "{shown}");
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(!shown.contains("secret"), "{shown}");
    let builder = format!("{:?}", Credentials::builder().password("hunter2"));
    assert!(!builder.contains("hunter2"), "{builder}");
}

#[test]
fn required_members_are_checked_in_order() {
    let err = Credentials::builder().user("alice").build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot build Credentials: the required member `password` is not set"
    );
}
