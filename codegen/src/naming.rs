//! Naming: the one place where botocore names become Rust identifiers.
//!
//! Every identifier the generator emits (types, fields, methods, modules,
//! enum variants) goes through this module so that the same model name always
//! yields the same Rust name, wherever it is used.
//!
//! Everything rests on [`split_words`]; `heck` then only cases each word.
//! Generic case converters (`heck` included) split AWS names badly: `ACLs` becomes `ac_ls` and `IPv6Address`
//! becomes `i_pv6_address`. The splitter here knows AWS conventions instead:
//!
//! * Any character that is not an ASCII letter or digit separates words, so
//!   `_`, `-`, `.`, `/`, spaces and all non-ASCII characters are dropped.
//!   Emitted identifiers are then ASCII only.
//! * A lowercase letter followed by an uppercase one ends a word (`restApi`).
//! * An uppercase run followed by a lowercase letter ends before its last
//!   capital (`HTTPMethod` -> `http`, `method`), except for plural acronyms: a
//!   run of two or more capitals plus a single `s` at the end of the name or
//!   before an uppercase letter or digit is one word (`ACLs`, `IDsList`).
//! * Mixed-case tokens listed in `MIXED_CASE_TOKENS` stay whole (`IPv6`,
//!   `MiB`, `OAuth`), also when they follow an acronym (`VPCIPv6`).
//! * Digits stick to the word before them (`s3Bucket` -> `s3`, `bucket`), and
//!   lowercase letters after digits continue that word (`g4dn`, `v1beta1`).
//! * Digits that start a segment absorb a following all-capitals word, so
//!   `DEFAULT_4XX` gives `default`, `4xx` rather than a lone `xx`; `2021Policy`
//!   stays `2021`, `policy`.

use std::collections::HashSet;

use heck::ToUpperCamelCase;

/// Mixed-case spellings that the case-change rules would split wrongly.
///
/// Matched case-sensitively, only where a new word starts, and only if no
/// lowercase letter follows (so `Mbpsx` is left to the general rules). `DBs`,
/// `EBS` and `IOPS` need no entry: the plural and uppercase-run rules already
/// keep them whole, and an entry like `DBs` would wrongly cut `RDBs` apart.
const MIXED_CASE_TOKENS: &[&str] = &[
    "IPv4", "IPv6", "KiB", "MiB", "GiB", "TiB", "PiB", "KBps", "MBps", "GBps", "Mbps", "Gbps",
    "OAuth", "iSCSI", "iOS",
];

/// Rust keywords that cannot be used as plain identifiers: strict, 2018+
/// edition and reserved ones, plus `gen` (reserved in edition 2024) so that
/// generated code keeps compiling if a crate moves to the newer edition.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `word` needs mangling before it can be emitted as an identifier.
fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Splits an AWS name into lowercase words, AWS-acronym aware.
///
/// See the module documentation for the rules. Only ASCII letters and digits
/// survive; a name without any yields no words.
#[must_use]
pub fn split_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for segment in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let first = words.len();
        let mut start = 0;
        while start < segment.len() {
            let end = word_end(segment.as_bytes(), start);
            let word = &segment[start..end];
            // Only a segment's first word can be all digits, since digits
            // otherwise stick to the word before them. Digits followed by
            // capitals read as one unit (`4XX`, `3D`, `5G`), unlike `2021Policy`.
            let joins = words.len() == first + 1
                && words[first].bytes().all(|b| b.is_ascii_digit())
                && !word.bytes().any(|b| b.is_ascii_lowercase());
            if joins {
                words[first].push_str(&word.to_ascii_lowercase());
            } else {
                words.push(word.to_ascii_lowercase());
            }
            start = end;
        }
    }
    words
}

/// Length of the [`MIXED_CASE_TOKENS`] entry that starts at `at`, if any.
fn token_at(seg: &[u8], at: usize) -> Option<usize> {
    let rest = seg.get(at..)?;
    MIXED_CASE_TOKENS
        .iter()
        .map(|token| token.as_bytes())
        .find(|token| {
            rest.starts_with(token) && !rest.get(token.len()).is_some_and(u8::is_ascii_lowercase)
        })
        .map(<[u8]>::len)
}

/// First index at or after `from` where `pred` fails.
fn skip(seg: &[u8], from: usize, pred: fn(&u8) -> bool) -> usize {
    seg[from..]
        .iter()
        .position(|b| !pred(b))
        .map_or(seg.len(), |n| from + n)
}

/// End of the word that starts at `start` in an ASCII-alphanumeric segment.
fn word_end(seg: &[u8], start: usize) -> usize {
    let mut end = if let Some(len) = token_at(seg, start) {
        start + len
    } else if seg[start].is_ascii_lowercase() {
        skip(seg, start, u8::is_ascii_lowercase)
    } else if seg[start].is_ascii_uppercase() {
        let run_end = skip(seg, start, u8::is_ascii_uppercase);
        // A token hidden in the run (`VPCIPv6`) starts a word of its own.
        if let Some(cut) = (start + 1..run_end).find(|&at| token_at(seg, at).is_some()) {
            return cut;
        }
        let next = seg.get(run_end).copied();
        let after_next = seg.get(run_end + 1);
        if run_end - start == 1 {
            skip(seg, run_end, u8::is_ascii_lowercase)
        } else if next == Some(b's')
            && after_next.is_none_or(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            run_end + 1
        } else if next.is_some_and(|b| b.is_ascii_lowercase()) {
            // The last capital begins the next word: HTTP|Method.
            return run_end - 1;
        } else {
            run_end
        }
    } else {
        start
    };
    // Digits qualify the word before them (`ec2`, `tls13`), and lowercase
    // letters after digits are part of the same code (`g4dn`, `v1beta1`).
    loop {
        let digits_end = skip(seg, end, u8::is_ascii_digit);
        if digits_end == end {
            return end;
        }
        end = skip(seg, digits_end, u8::is_ascii_lowercase);
    }
}

/// `snake_case`, e.g. `restApiId` -> `rest_api_id`, `ACLs` -> `acls`,
/// `IPv6Address` -> `ipv6_address`.
///
/// The result may be empty, start with a digit, or be a keyword; use
/// [`field_name`] for anything that must be an identifier.
#[must_use]
pub fn snake_case(name: &str) -> String {
    split_words(name).join("_")
}

/// `UpperCamelCase`, e.g. `restapi` -> `Restapi`, `IPv6` -> `Ipv6`, `ACLs` -> `Acls`;
/// `CacheClusterSize` stays unchanged.
///
/// Where a word ending in a digit meets a word starting with one, an `_` is
/// kept between them (`TLS_1_0` -> `Tls1_0`), so that `1.6` and `16` do not
/// collapse into the same name. rustc's `non_camel_case_types` lint accepts an
/// underscore between two digits. The result may be empty or start with a
/// digit; use [`type_name`] or [`enum_variant`] for identifiers.
#[must_use]
pub fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in split_words(name) {
        let digit = |c: char| c.is_ascii_digit();
        if out.ends_with(digit) && word.starts_with(digit) {
            out.push('_');
        }
        // Each word is already split the AWS way; heck only capitalises it.
        out.push_str(&word.to_upper_camel_case());
    }
    out
}

/// Field / method / module identifier: [`snake_case`] plus keyword policy.
///
/// Returns the text to emit, never a raw identifier (`r#self`, `r#crate` and
/// friends are not even valid raw identifiers). Keywords get a trailing
/// underscore: `type` -> `type_`, `Self` -> `self_`. A result starting with a
/// digit gets a `v` prefix (`1abc` -> `v1abc`, matching the `V` prefix of
/// types and variants), and a name with no ASCII letters or digits at all
/// (`""`, `"_"`, `"ü"`) becomes `empty`.
#[must_use]
pub fn field_name(name: &str) -> String {
    let snake = snake_case(name);
    if snake.is_empty() {
        "empty".to_owned()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("v{snake}")
    } else if is_keyword(&snake) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// Type identifier: [`pascal_case`] plus keyword policy.
///
/// `Self` is the only keyword that can come out of `PascalCase`; it becomes
/// `SelfValue`, as in [`enum_variant`], because `Self_` would make the
/// builder `Self_Builder`, which the `non_camel_case_types` lint rejects. Shapes named `Box`, `Option`, `Result`, `String`, `Vec` and the
/// like are kept as they are: the emitter refers to std types by absolute path
/// (`::std::option::Option`), and shortens such a path only in files that
/// declare nothing of that name, so a generated type cannot shadow them. A
/// leading digit gets a `V` prefix and an empty result becomes `Empty`.
#[must_use]
pub fn type_name(name: &str) -> String {
    let pascal = pascal_case(name);
    if pascal.is_empty() {
        "Empty".to_owned()
    } else if pascal.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{pascal}")
    } else if pascal == "Self" {
        "SelfValue".to_owned()
    } else {
        pascal
    }
}

/// Enum variant for a string-enum wire value, e.g. `EDGE` -> `Edge`,
/// `AWS_PROXY` -> `AwsProxy`, `application/json` -> `ApplicationJson`,
/// `0.5` -> `V0_5`, `TLS_1_0` -> `Tls1_0`, `us-east-1` -> `UsEast1`.
///
/// Always a valid identifier that passes `non_camel_case_types`. `Unknown` is
/// reserved for the generated catch-all variant, so a wire value spelling it
/// becomes `UnknownValue`; likewise `self` becomes `SelfValue` (`Self_` would
/// trip the lint). The empty string is `Empty`, and values made only of
/// symbols are spelled out (`*` -> `Asterisk`, other characters as `U` plus
/// their hex code point). Distinct values can still meet (`+1` and `-1` both
/// give `V1`); run the results through [`disambiguate`].
#[must_use]
pub fn enum_variant(value: &str) -> String {
    let pascal = pascal_case(value);
    if pascal.is_empty() {
        if value.is_empty() {
            return "Empty".to_owned();
        }
        return value.chars().map(symbol_name).collect();
    }
    if pascal.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{pascal}")
    } else if pascal == "Unknown" || pascal == "Self" {
        format!("{pascal}Value")
    } else {
        pascal
    }
}

/// `UpperCamelCase` spelling of one character of a symbol-only enum value.
fn symbol_name(c: char) -> String {
    let name = match c {
        '*' => "Asterisk",
        '+' => "Plus",
        '-' => "Minus",
        '.' => "Dot",
        '/' => "Slash",
        '\\' => "Backslash",
        '_' => "Underscore",
        ' ' => "Space",
        '@' => "At",
        '#' => "Hash",
        '$' => "Dollar",
        '%' => "Percent",
        '&' => "Ampersand",
        '?' => "Question",
        '!' => "Bang",
        '=' => "Equals",
        ':' => "Colon",
        ',' => "Comma",
        '~' => "Tilde",
        _ => return format!("U{:04X}", u32::from(c)),
    };
    name.to_owned()
}

/// Trait methods of every generated structure and builder that callers reach
/// by method or path syntax on a value (`value.clone()`, `Type::default()`,
/// `value.into()`, `Type::deserialize(d)`). An inherent method of the same
/// name would shadow them, so lowering gives accessors and setters other
/// names. Trait methods reached through operators or formatting (`eq`, `fmt`)
/// or never named on these types (`from`, `type_id`) are left to members, as
/// the official SDK does (API Gateway's `PatchOperation::from()`).
pub const TRAIT_METHODS: &[&str] = &[
    "clone",
    "default",
    "deserialize",
    "into",
    "serialize",
    "to_owned",
];

/// Methods an exception has on top of [`TRAIT_METHODS`] that callers reach
/// the same way, from `std::error::Error` and `Display`.
pub const EXCEPTION_TRAIT_METHODS: &[&str] = &["source", "to_string"];

/// Variant names the generated error enums (each operation's and the
/// service-wide `Error`) give their fixed variants. Error shapes are variants
/// of the same enums, so lowering renames one that would take these names.
pub const ERROR_ENUM_VARIANTS: &[&str] = &[
    "Build",
    "InvalidResponse",
    "Request",
    "Unhandled",
    "Unlisted",
];

/// Makes names unique deterministically: given the originals in a fixed order
/// and a naming function, returns the chosen names in the same order.
///
/// When two originals map to the same name, the first keeps it and each later
/// one gets a numeric suffix `2`, `3`, …, skipping any suffixed name that
/// another original maps to on its own. The suffix is joined with `_` when the
/// name has no uppercase letters (snake case: `foo_bar_2`) or ends in a digit
/// (`V0_5_2` rather than the misleading `V0_52`), and directly otherwise
/// (`FooBar2`). Names ending in `_` (`type_`) take the digit directly.
#[must_use]
pub fn disambiguate(originals: &[&str], rename: impl Fn(&str) -> String) -> Vec<String> {
    let base: Vec<String> = originals.iter().map(|name| rename(name)).collect();
    let claimed: HashSet<&str> = base.iter().map(String::as_str).collect();
    let mut used: HashSet<String> = HashSet::with_capacity(base.len());
    let mut out = Vec::with_capacity(base.len());
    for name in &base {
        let chosen = if used.contains(name) {
            let sep = if name.ends_with('_') {
                ""
            } else if !name.bytes().any(|b| b.is_ascii_uppercase())
                || name.ends_with(|c: char| c.is_ascii_digit())
            {
                "_"
            } else {
                ""
            };
            // Each other distinct name and each earlier suffix blocks at most one
            // candidate: fewer than len, so this range always has a free one.
            (2..=base.len() + 2)
                .map(|n| format!("{name}{sep}{n}"))
                .find(|candidate| {
                    !claimed.contains(candidate.as_str()) && !used.contains(candidate)
                })
                .unwrap_or_default()
        } else {
            name.clone()
        };
        used.insert(chosen.clone());
        out.push(chosen);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn words(name: &str) -> Vec<String> {
        split_words(name)
    }

    #[test]
    fn splits_aws_names() {
        let cases: &[(&str, &[&str])] = &[
            ("restApiId", &["rest", "api", "id"]),
            ("HTTPMethod", &["http", "method"]),
            ("ACLs", &["acls"]),
            ("ARNs", &["arns"]),
            ("IDsList", &["ids", "list"]),
            ("providerARNs", &["provider", "arns"]),
            ("ListOfARNs", &["list", "of", "arns"]),
            ("CIDRs", &["cidrs"]),
            ("APIs2", &["apis2"]),
            ("IPv6Address", &["ipv6", "address"]),
            ("IPv4", &["ipv4"]),
            ("ipv4", &["ipv4"]),
            ("VPCIPv6Cidr", &["vpc", "ipv6", "cidr"]),
            (
                "AssignIpv6AddressOnCreation",
                &["assign", "ipv6", "address", "on", "creation"],
            ),
            ("SizeInMiB", &["size", "in", "mib"]),
            ("VolumeSizeGiB", &["volume", "size", "gib"]),
            ("ThroughputMBps", &["throughput", "mbps"]),
            ("XMBps", &["x", "mbps"]),
            ("BandwidthGbps", &["bandwidth", "gbps"]),
            ("ProvisionedIOPS", &["provisioned", "iops"]),
            ("OAuthScopes", &["oauth", "scopes"]),
            ("iSCSIName", &["iscsi", "name"]),
            ("DBsToDelete", &["dbs", "to", "delete"]),
            ("RDBs", &["rdbs"]),
            ("EBSOptimized", &["ebs", "optimized"]),
            ("s3Bucket", &["s3", "bucket"]),
            ("S3Bucket", &["s3", "bucket"]),
            ("Ec2Instance", &["ec2", "instance"]),
            ("EC2InstanceId", &["ec2", "instance", "id"]),
            ("TLS_1_2", &["tls", "1", "2"]),
            ("TLS13_1_2", &["tls13", "1", "2"]),
            ("g4dn.xlarge", &["g4dn", "xlarge"]),
            ("DEFAULT_4XX", &["default", "4xx"]),
            ("FAIL_WITH_403", &["fail", "with", "403"]),
            ("application/json", &["application", "json"]),
            ("us-east-1", &["us", "east", "1"]),
            ("a b\tc", &["a", "b", "c"]),
            ("DNSName", &["dns", "name"]),
            ("SSLSupportMethod", &["ssl", "support", "method"]),
            ("URLs", &["urls"]),
            ("restapi", &["restapi"]),
            ("VPCEndpointIds", &["vpc", "endpoint", "ids"]),
            ("SDKType", &["sdk", "type"]),
            ("URLPath", &["url", "path"]),
            ("TLSConfig", &["tls", "config"]),
            ("HTTPSEnabled", &["https", "enabled"]),
            ("WebACLArn", &["web", "acl", "arn"]),
            ("KMSKeyARNs", &["kms", "key", "arns"]),
            ("3DModel", &["3d", "model"]),
            ("2021Policy", &["2021", "policy"]),
        ];
        for (name, expected) in cases {
            assert_eq!(words(name), *expected, "split_words({name:?})");
        }
    }

    #[test]
    fn converts_cases() {
        assert_eq!(snake_case("restApiId"), "rest_api_id");
        assert_eq!(snake_case("ACLs"), "acls");
        assert_eq!(snake_case("IPv6Address"), "ipv6_address");
        assert_eq!(snake_case("TLS_1_2"), "tls_1_2");
        assert_eq!(pascal_case("restapi"), "Restapi");
        assert_eq!(pascal_case("IPv6"), "Ipv6");
        assert_eq!(pascal_case("ACLs"), "Acls");
        assert_eq!(pascal_case("CacheClusterSize"), "CacheClusterSize");
        assert_eq!(pascal_case("TLS_1_0"), "Tls1_0");
        assert_eq!(pascal_case("1.6"), "1_6");
        assert_eq!(pascal_case("16"), "16");
    }

    #[test]
    fn field_names_avoid_keywords_and_bad_starts() {
        assert_eq!(field_name("restApiId"), "rest_api_id");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("Type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("Self"), "self_");
        assert_eq!(field_name("crate"), "crate_");
        assert_eq!(field_name("super"), "super_");
        assert_eq!(field_name("async"), "async_");
        assert_eq!(field_name("await"), "await_");
        assert_eq!(field_name("dyn"), "dyn_");
        assert_eq!(field_name("try"), "try_");
        assert_eq!(field_name("gen"), "gen_");
        assert_eq!(field_name("union"), "union");
        assert_eq!(field_name("1abc"), "v1abc");
        assert_eq!(field_name("_"), "empty");
        assert_eq!(field_name(""), "empty");
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("Self"), "SelfValue");
        assert_eq!(type_name("self"), "SelfValue");
        assert_eq!(type_name("restapi"), "Restapi");
        assert_eq!(type_name("Option"), "Option");
        assert_eq!(type_name("Result"), "Result");
        assert_eq!(type_name("2021Policy"), "V2021Policy");
        assert_eq!(type_name(""), "Empty");
    }

    #[test]
    fn enum_variants() {
        let cases = [
            ("EDGE", "Edge"),
            ("AWS_PROXY", "AwsProxy"),
            ("application/json", "ApplicationJson"),
            ("0.5", "V0_5"),
            ("118", "V118"),
            ("TLS_1_0", "Tls1_0"),
            ("us-east-1", "UsEast1"),
            ("", "Empty"),
            ("*", "Asterisk"),
            ("UNKNOWN", "UnknownValue"),
            ("unknown", "UnknownValue"),
            ("SELF", "SelfValue"),
            ("DEFAULT_4XX", "Default4xx"),
            (
                "SecurityPolicy_TLS13_1_2_2021_06",
                "SecurityPolicyTls13_1_2_2021_06",
            ),
            ("ü", "U00FC"),
        ];
        for (value, expected) in cases {
            assert_eq!(enum_variant(value), expected, "enum_variant({value:?})");
        }
    }

    #[test]
    fn hostile_names_never_panic_and_stay_valid() {
        let hostile = [
            "",
            " ",
            "_",
            "__",
            "-",
            "...",
            "/",
            "*",
            "**",
            "\u{0}",
            "日本語",
            "ünïcödé",
            "Ü_ber",
            "😀",
            "a😀b",
            "9",
            "99bottles",
            "_leading",
            "trailing_",
            "A",
            "a",
            "Z9",
            "sS",
            "Ss",
            "SS",
            "sss",
            "ABCs",
            "ABCsd",
            "IPv6s",
            "IPv",
            "MiBs",
            "iSCSI",
            "i",
            "I",
            "type",
            "Self",
            "SELF",
            "self_",
            "r#type",
            "Unknown",
            "UnknownValue",
            "x__y",
            "A_1",
            "1_A",
            "0.5.0",
            "1-2",
            "a1b2c3",
            "A1B2C3",
            "ALLCAPS",
            "mIxEd_CaSe",
            "\u{200b}zero",
        ];
        for name in hostile {
            let field = field_name(name);
            let ty = type_name(name);
            let variant = enum_variant(name);
            assert!(is_ident(&field), "field_name({name:?}) = {field:?}");
            assert!(is_ident(&ty), "type_name({name:?}) = {ty:?}");
            assert!(is_ident(&variant), "enum_variant({name:?}) = {variant:?}");
            assert!(is_camel(&variant), "enum_variant({name:?}) = {variant:?}");
            assert_ne!(variant, "Unknown");
        }
        // Deterministic pseudo-random names over an alphabet of awkward characters.
        let alphabet: Vec<char> = "aZsIPvB6i0_-. é😀\u{301}".chars().collect();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5_000 {
            let mut name = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                name.push(alphabet[usize::try_from(seed >> 59).unwrap_or(0) % alphabet.len()]);
            }
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            assert!(is_ident(&field_name(&name)), "field_name({name:?})");
            assert!(is_ident(&type_name(&name)), "type_name({name:?})");
            let variant = enum_variant(&name);
            assert!(
                is_ident(&variant) && is_camel(&variant),
                "enum_variant({name:?})"
            );
            assert_ne!(variant, "Unknown");
        }
        let long = "aB1_".repeat(10_000);
        assert!(is_ident(&field_name(&long)));
    }

    #[test]
    fn disambiguates_collisions_deterministically() {
        let originals = ["fooBar", "FooBar", "foo_bar"];
        let expected = ["foo_bar", "foo_bar_2", "foo_bar_3"];
        assert_eq!(disambiguate(&originals, snake_case), expected);
        assert_eq!(disambiguate(&originals, snake_case), expected);

        // `Foo2` belongs to its own original, so the second `Foo` skips it.
        let originals = ["Foo", "foo", "Foo2", "FOO"];
        let names = disambiguate(&originals, pascal_case);
        assert_eq!(names, ["Foo", "Foo3", "Foo2", "Foo4"]);

        // Digit endings keep an underscore so `V0_5` does not turn into `V0_52`.
        let names = disambiguate(&["0.5", "0-5", "UNKNOWN", "UnknownValue"], enum_variant);
        assert_eq!(names, ["V0_5", "V0_5_2", "UnknownValue", "UnknownValue2"]);
        let names = disambiguate(&["type", "Type"], field_name);
        assert_eq!(names, ["type_", "type_2"]);
        assert!(disambiguate(&[], snake_case).is_empty());
    }

    /// Hand-written check that `s` can be emitted verbatim as an identifier.
    fn is_ident(s: &str) -> bool {
        let mut chars = s.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        (first.is_ascii_alphabetic() || first == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && s != "_"
            && !KEYWORDS.contains(&s)
    }

    /// Mirrors rustc's `non_camel_case_types` test.
    fn is_camel(s: &str) -> bool {
        let trimmed = s.trim_matches('_');
        let bytes = trimmed.as_bytes();
        !trimmed.starts_with(|c: char| c.is_lowercase())
            && !trimmed.contains("__")
            && !bytes.windows(2).any(|w| {
                (w[0] == b'_' && w[1].is_ascii_alphabetic())
                    || (w[1] == b'_' && w[0].is_ascii_alphabetic())
            })
    }

    /// Every name in the API Gateway model, as `kind original -> rust`.
    fn apigateway_names() -> Vec<(&'static str, String, String)> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../model/apigateway/2015-07-09/service-2.json"
        );
        let text = std::fs::read_to_string(path).expect("read API Gateway model");
        let model: serde_json::Value = serde_json::from_str(&text).expect("parse model");
        let object =
            |v: &serde_json::Value, key: &str| v[key].as_object().cloned().unwrap_or_default();
        let mut out = Vec::new();
        for (name, shape) in object(&model, "shapes") {
            out.push(("shape", name.clone(), type_name(&name)));
            if shape["type"] == "structure" {
                for member in object(&shape, "members").keys() {
                    out.push(("member", member.clone(), field_name(member)));
                }
            }
            for value in shape["enum"].as_array().into_iter().flatten() {
                let value = value.as_str().expect("enum values are strings");
                out.push(("enum", value.to_owned(), enum_variant(value)));
            }
        }
        for name in object(&model, "operations").keys() {
            out.push(("opfn", name.clone(), snake_case(name)));
            out.push(("optype", name.clone(), type_name(name)));
        }
        out
    }

    #[test]
    fn apigateway_snapshot() {
        let names = apigateway_names();
        assert!(names.len() > 700, "model looks truncated");
        let lines: BTreeSet<String> = names
            .iter()
            .map(|(kind, from, to)| format!("{kind:<6} {from} -> {to}"))
            .collect();
        let names = lines.into_iter().collect::<Vec<_>>().join("\n");
        insta::assert_snapshot!("apigateway_names", names);
    }

    #[test]
    fn apigateway_names_are_identifiers() {
        for (kind, from, to) in apigateway_names() {
            assert!(is_ident(&to), "{kind} {from:?} -> {to:?}");
            if kind == "enum" || kind == "shape" {
                assert!(is_camel(&to), "{kind} {from:?} -> {to:?}");
            }
        }
    }
}
