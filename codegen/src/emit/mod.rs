//! Emission: the IR becomes token streams, then formatted Rust files.
//!
//! Each `emit_*` function prints one kind of item; [`emit_crate`] decides which
//! file each item lands in. Emitters name everything by absolute path
//! (`::std::option::Option`), so that model shapes called `Option`, `Box` or
//! `String` cannot shadow the standard library; the `prelude_paths` pass then
//! shortens the paths nothing in the file shadows.

mod builders;
pub(crate) mod client;
mod crate_files;
mod doc_attrs;
mod enums;
pub(crate) mod operations;
mod prelude_paths;
pub(crate) mod rust_types;
mod service_error;
mod structs;
mod unions;
mod value_traits;
mod waiters;

use std::collections::BTreeMap;

use proc_macro2::TokenStream;

use crate::error::Error;
use crate::ir::{Module, Service, TypeKind};

/// The files of one generated crate, by path relative to the crate root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GeneratedCrate {
    /// File contents by relative path (`/`-separated), sorted.
    pub files: BTreeMap<String, String>,
    /// Inconsistencies in the model that did not stop generation.
    pub warnings: Vec<crate::error::Problem>,
}

/// Emits every file of the crate for `service`.
///
/// `runtime_path` is the folder of the `awsgen-runtime` crate relative to the
/// generated crate's folder, for its path dependency.
pub fn emit_crate(
    service: &Service,
    crate_version: &str,
    runtime_path: &str,
) -> Result<GeneratedCrate, Error> {
    let mut out = GeneratedCrate::default();
    out.files.insert(
        "Cargo.toml".into(),
        crate_files::cargo_toml(service, crate_version, runtime_path),
    );
    let jobs = rust_files(service);
    for (path, text) in format_all(service, &jobs)? {
        out.files.insert(path, text);
    }
    if let (true, Some(rules)) = (has_client(service), &service.endpoint_rules) {
        out.files.insert(
            "src/client/endpoint_rules.json".into(),
            format!("{rules}\n"),
        );
    }
    Ok(out)
}

/// One Rust file to emit: its path and what prints its tokens.
enum RustFile<'a> {
    Lib,
    Primitives,
    Protocol,
    ServiceError,
    OperationMod,
    Operation(&'a crate::ir::OperationDef),
    ClientMod,
    ClientOperation(&'a crate::ir::OperationDef),
    ModuleMod(Module),
    Type(&'a crate::ir::TypeDef),
    SerdeImplsMod,
    SerdeImpls(&'a crate::ir::TypeDef),
    Waiters,
}

impl RustFile<'_> {
    fn path(&self) -> String {
        match self {
            RustFile::Lib => "src/lib.rs".to_string(),
            RustFile::Primitives => "src/primitives.rs".to_string(),
            RustFile::Protocol => "src/protocol.rs".to_string(),
            RustFile::ServiceError => "src/service_error.rs".to_string(),
            RustFile::OperationMod => "src/operation/mod.rs".to_string(),
            RustFile::Operation(op) => format!("src/operation/{}.rs", op.fn_name),
            RustFile::ClientMod => "src/client/mod.rs".to_string(),
            RustFile::ClientOperation(op) => format!("src/client/{}.rs", op.fn_name),
            RustFile::ModuleMod(module) => format!("src/{}/mod.rs", module.name()),
            RustFile::Waiters => "src/waiters.rs".to_string(),
            RustFile::Type(type_def) => {
                format!("src/{}/{}.rs", type_def.module.name(), type_def.file_stem)
            }
            RustFile::SerdeImplsMod => "src/serde_impls/mod.rs".to_string(),
            RustFile::SerdeImpls(type_def) => format!(
                "src/serde_impls/{}/{}.rs",
                type_def.module.name(),
                type_def.file_stem
            ),
        }
    }

    fn tokens(&self, service: &Service) -> TokenStream {
        match self {
            RustFile::Lib => crate_files::lib_rs(service),
            RustFile::Primitives => crate_files::primitives_rs(),
            RustFile::Protocol => crate_files::protocol_rs(),
            RustFile::ServiceError => service_error::service_error_rs(service),
            RustFile::OperationMod => operations::operation_mod(service),
            RustFile::Operation(op) => operations::emit_operation(service, op),
            RustFile::ClientMod => client::client_mod(service),
            RustFile::ClientOperation(op) => client::client_operation(service, op),
            RustFile::ModuleMod(module) => crate_files::module_rs(service, *module),
            RustFile::Waiters => waiters::waiters_rs(service),
            RustFile::Type(type_def) => match &type_def.kind {
                TypeKind::Struct(def) => {
                    let mut tokens = structs::emit_struct(service, type_def, def);
                    tokens.extend(builders::emit_builder(service, type_def, def));
                    tokens.extend(crate::protocol::type_impls(service, type_def));
                    tokens
                }
                TypeKind::Enum(def) => enums::emit_enum(type_def, def),
                TypeKind::Union(def) => {
                    let mut tokens = unions::emit_union(service, type_def, def);
                    tokens.extend(crate::protocol::type_impls(service, type_def));
                    tokens
                }
            },
            RustFile::SerdeImplsMod => crate_files::serde_impls_mod(service),
            RustFile::SerdeImpls(type_def) => match &type_def.kind {
                TypeKind::Struct(def) => structs::serde_impls(service, type_def, def),
                TypeKind::Enum(_) => enums::serde_impls(type_def),
                TypeKind::Union(def) => unions::serde_impls(service, type_def, def),
            },
        }
    }
}

fn rust_files(service: &Service) -> Vec<RustFile<'_>> {
    let mut files = vec![RustFile::Lib, RustFile::Primitives, RustFile::OperationMod];
    if crate::protocol::supports_requests(service) {
        files.extend([RustFile::Protocol, RustFile::ServiceError]);
    }
    files.extend(service.operations.iter().map(RustFile::Operation));
    if has_client(service) {
        files.push(RustFile::ClientMod);
        files.extend(client::client_operations(service).map(RustFile::ClientOperation));
    }
    files.extend(Module::ALL.map(RustFile::ModuleMod));
    files.extend(service.types.values().map(RustFile::Type));
    files.push(RustFile::SerdeImplsMod);
    files.extend(service.types.values().map(RustFile::SerdeImpls));
    if !service.waiters.is_empty() {
        files.push(RustFile::Waiters);
    }
    files
}

/// Whether the crate has the cargo feature `client`: for its client, or
/// for its waiters (which need the runtime's client support even where the
/// protocol has no client yet).
pub(crate) fn has_client_feature(service: &Service) -> bool {
    has_client(service) || !service.waiters.is_empty()
}

/// The attribute on the `serde_impls` module: none where serde is the
/// service's wire code, else `#[cfg(feature = "serde")]`, as only users who
/// want the JSON form should pay for it. Behind the cfg, the module's files are
/// not even parsed: 6–16% of EC2's `cargo check` time, in alternated runs,
/// against the impls beside their types under a cfg of their own.
pub(crate) fn serde_cfg(service: &Service) -> TokenStream {
    if crate::protocol::serde_is_wire(service) {
        TokenStream::new()
    } else {
        quote::quote!(#[cfg(feature = "serde")])
    }
}

/// Whether the crate gets a client (cargo feature `client`): when its
/// protocol has wire code.
pub(crate) fn has_client(service: &Service) -> bool {
    crate::protocol::supports_requests(service)
}

/// Prints and formats every file, spread over the machine's cores. Files are
/// independent and land in a sorted map, so the result does not depend on timing.
fn format_all(service: &Service, files: &[RustFile<'_>]) -> Result<Vec<(String, String)>, Error> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    std::thread::scope(|scope| {
        // Interleaved, so each worker gets a similar mix of light and heavy files.
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    files
                        .iter()
                        .skip(worker)
                        .step_by(workers)
                        .map(|file| {
                            let path = file.path();
                            format_rust(service, &path, file.tokens(service))
                                .map(|text| (path, text))
                        })
                        .collect::<Result<Vec<_>, Error>>()
                })
            })
            .collect();
        let mut formatted = Vec::new();
        for handle in handles {
            let part = handle.join().map_err(|_| Error::Emit {
                file: "(several)".to_string(),
                message: "a formatting thread panicked".to_string(),
            })??;
            formatted.extend(part);
        }
        Ok(formatted)
    })
}

fn header(service: &Service) -> String {
    format!(
        "// Code generated by awsgen-codegen from {}; DO NOT EDIT.\n// Regenerate with `cargo xtask codegen`.\n\n",
        service.source
    )
}

fn format_rust(service: &Service, path: &str, tokens: TokenStream) -> Result<String, Error> {
    let mut file = syn::parse2::<syn::File>(tokens).map_err(|err| Error::Emit {
        file: path.to_string(),
        message: err.to_string(),
    })?;
    prelude_paths::shorten(&mut file);
    Ok(format!(
        "{}{}",
        header(service),
        prettyplease::unparse(&file)
    ))
}
