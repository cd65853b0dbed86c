//! Markdown to `#[doc]` attributes, one per line, so prettyplease prints clean `///` comments.

use proc_macro2::TokenStream;
use quote::quote;

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
