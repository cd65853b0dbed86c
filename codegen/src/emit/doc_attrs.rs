//! Markdown to `#[doc]` attributes, one per line, so prettyplease prints clean `///` comments.

use proc_macro2::TokenStream;
use quote::quote;

use super::prelude_paths::is_prelude_derive;

/// Outer doc attributes for `markdown`, or for `fallback` when the model has no docs.
pub fn outer_docs(markdown: &str, fallback: &str) -> TokenStream {
    let text = if markdown.trim().is_empty() {
        fallback
    } else {
        markdown
    };
    text.lines()
        .map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote! { #[doc = #line] }
        })
        .collect()
}

/// An intra-doc link to the type `rust_name` where it is in scope. A type
/// named like a prelude derive (a model shape `Hash`) is also that macro to
/// rustdoc, which refuses the bare link as ambiguous; `type@` settles it and
/// is not shown.
pub fn type_link(rust_name: &str) -> String {
    if is_prelude_derive(rust_name) {
        format!("[`type@{rust_name}`]")
    } else {
        format!("[`{rust_name}`]")
    }
}

/// Inner (`//!`) doc attributes for `markdown`.
pub fn inner_docs(markdown: &str) -> TokenStream {
    markdown
        .lines()
        .map(|line| {
            let line = if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            };
            quote! { #![doc = #line] }
        })
        .collect()
}

/// `#[deprecated]` when the model deprecates the item.
pub fn deprecated_attr(note: &Option<String>) -> TokenStream {
    match note {
        Some(note) => quote! { #[deprecated(note = #note)] },
        None => TokenStream::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::type_link;

    #[test]
    fn type_links_disambiguate_only_names_of_prelude_derives() {
        assert_eq!(type_link("Stage"), "[`Stage`]");
        assert_eq!(type_link("Hash"), "[`type@Hash`]");
        assert_eq!(type_link("Debug"), "[`type@Debug`]");
        // Option is a prelude type, not a macro: a type of that name in scope
        // shadows it, and rustdoc takes the bare link.
        assert_eq!(type_link("Option"), "[`Option`]");
    }
}
