//! `cargo xtask diff OLD NEW`: what changed between two models, as the AWS
//! changelog (text), Markdown or JSON, with the semver bump it calls for.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use awsgen_codegen::diff::{diff_models, diff_subset, render};

use crate::model_source;

pub fn run(args: &[String]) -> Result<ExitCode> {
    let mut format = render::Format::Text;
    let mut date = None;
    let mut operations = None;
    let mut paths = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => {
                let value = rest
                    .next()
                    .context("--format needs text, markdown or json")?;
                format = value.parse().map_err(anyhow::Error::msg)?;
            }
            "--date" => date = Some(parse_date(rest.next().context("--date needs YYYY-MM-DD")?)?),
            "--operations" => {
                let list = rest.next().context("--operations needs a list")?;
                operations = Some(crate::codegen::parse_operations(list).context("--operations")?);
            }
            flag if flag.starts_with("--") => bail!("unknown argument {flag:?} to diff"),
            path => paths.push(PathBuf::from(path)),
        }
    }
    let [old, new] = &paths[..] else {
        bail!(
            "diff needs two models: cargo xtask diff OLD NEW [--format text|markdown|json] \
             [--date YYYY-MM-DD] [--operations A,B]"
        );
    };
    let old = model_source::load(old)?;
    let new = model_source::load(new)?;
    // With --operations: the changes a crate of those operations sees.
    let diff = match &operations {
        Some(subset) => diff_subset(&old.model, &new.model, subset),
        None => diff_models(&old.model, &new.model),
    };
    let date = match date {
        Some(date) => date,
        None => today()?,
    };
    print!("{}", render::render(&diff, format, &date));
    Ok(ExitCode::SUCCESS)
}

/// Today's date (UTC) as the changelog writes it, `YYYY/MM/DD`.
pub fn today() -> Result<String> {
    let today = time::OffsetDateTime::now_utc().date();
    Ok(format_date(today))
}

/// Accepts `YYYY-MM-DD` or `YYYY/MM/DD`; returns `YYYY/MM/DD`.
pub fn parse_date(text: &str) -> Result<String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(&text.replace('/', "-"), &format)
        .with_context(|| format!("{text:?} is not a date of the form YYYY-MM-DD"))?;
    Ok(format_date(date))
}

fn format_date(date: time::Date) -> String {
    format!(
        "{:04}/{:02}/{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(prefix: &str) -> String {
        let root = crate::codegen::workspace_root();
        let path = model_source::history_file(&root, prefix).unwrap();
        path.display().to_string()
    }

    #[test]
    fn succeeds_whatever_it_finds_and_fails_only_on_unreadable_input() {
        let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for format in ["text", "markdown", "json"] {
            let result = run(&args(&[
                &history("003"),
                &history("002"),
                "--format",
                format,
            ]));
            assert_eq!(
                result.unwrap(),
                ExitCode::SUCCESS,
                "a breaking diff is still a success"
            );
        }
        assert!(run(&args(&[&history("003"), "/no/such/model.json"])).is_err());
        assert!(run(&args(&[&history("003")])).is_err());
        assert!(run(&args(&[
            &history("003"),
            &history("002"),
            "--format",
            "yaml"
        ]))
        .is_err());
    }

    #[test]
    fn dates_are_checked_and_normalised() {
        assert_eq!(parse_date("2015-11-10").unwrap(), "2015/11/10");
        assert_eq!(parse_date("2015/11/10").unwrap(), "2015/11/10");
        assert!(parse_date("2015-13-10").is_err());
        assert!(parse_date("yesterday").is_err());
    }
}
