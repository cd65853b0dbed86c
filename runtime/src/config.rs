//! Client configuration, one [`Config`] for every service: region,
//! credentials, endpoint overrides, attempts and timeouts, from explicit
//! settings, the environment and the shared `~/.aws/config` and
//! `~/.aws/credentials` files, in the order AWS SDKs read them.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::client::retry::RetryMode;
use crate::client::TestHttp;
use crate::signing::Credentials;

/// Where a client sends requests and how: shared by every service's client.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    region: Option<String>,
    credentials: Option<Credentials>,
    endpoint_url: Option<String>,
    service_endpoint_urls: BTreeMap<String, String>,
    max_attempts: Option<u32>,
    connect_timeout: Option<Duration>,
    request_timeout: Option<Duration>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    retry_mode: Option<RetryMode>,
    account_id_endpoint_mode: Option<String>,
    sts_regional_endpoints: Option<String>,
    client_context_params: BTreeMap<String, crate::endpoint::Value>,
    test_http: Option<TestHttp>,
}

/// Why the configuration could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

fn error(message: impl Into<String>) -> ConfigError {
    ConfigError {
        message: message.into(),
    }
}

impl Config {
    /// Starts an explicit configuration (nothing read from the environment).
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// Reads the configuration as AWS SDKs do, from the process environment
    /// and the shared files of the profile `AWS_PROFILE` (else `default`).
    pub fn from_env() -> Result<Config, ConfigError> {
        let env: BTreeMap<String, String> = std::env::vars_os()
            .filter_map(|(name, value)| Some((name.into_string().ok()?, value.into_string().ok()?)))
            .collect();
        Config::builder().load(&env, &read_file)
    }

    /// The region, e.g. `us-east-1`.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The credentials requests are signed with.
    pub fn credentials(&self) -> Option<&Credentials> {
        self.credentials.as_ref()
    }

    /// The endpoint to use for the service with the SDK service id
    /// `service_id` (`API Gateway`) instead of the one its rules give:
    /// `AWS_ENDPOINT_URL_API_GATEWAY`, else `AWS_ENDPOINT_URL`, else the
    /// profile's `endpoint_url`.
    pub fn endpoint_url(&self, service_id: &str) -> Option<&str> {
        self.service_endpoint_urls
            .get(&service_env_suffix(service_id))
            .or(self.endpoint_url.as_ref())
            .map(String::as_str)
    }

    /// Attempts per request, the first included, when set; else each
    /// service's default applies (3, or 4 for DynamoDB).
    pub fn max_attempts(&self) -> Option<u32> {
        self.max_attempts
    }

    /// How failed attempts are retried: the 2026 defaults unless the
    /// previous standard mode was chosen.
    pub fn retry_mode(&self) -> RetryMode {
        self.retry_mode.unwrap_or_default()
    }

    /// How long to wait for a connection.
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.connect_timeout
    }

    /// How long one attempt may take.
    pub fn request_timeout(&self) -> Option<Duration> {
        self.request_timeout
    }

    /// Whether endpoints may, must or must not name the account
    /// (`AWS_ACCOUNT_ID_ENDPOINT_MODE`): `preferred` (the default),
    /// `required` or `disabled`.
    pub fn account_id_endpoint_mode(&self) -> &str {
        self.account_id_endpoint_mode
            .as_deref()
            .unwrap_or("preferred")
    }

    /// Which STS endpoint clients in the regions that once used the global
    /// one call (`AWS_STS_REGIONAL_ENDPOINTS`): `regional` (the default, as
    /// in botocore), or `legacy`, the global `sts.amazonaws.com` from those
    /// regions.
    pub fn sts_regional_endpoints(&self) -> &str {
        self.sts_regional_endpoints.as_deref().unwrap_or("regional")
    }

    /// The endpoint parameters set for the clients of services whose model
    /// declares them (`clientContextParams`, e.g. S3's `ForcePathStyle`).
    pub fn client_context_params(&self) -> &BTreeMap<String, crate::endpoint::Value> {
        &self.client_context_params
    }

    /// Whether to use FIPS endpoints (`AWS_USE_FIPS_ENDPOINT`).
    pub fn use_fips(&self) -> bool {
        self.use_fips.unwrap_or(false)
    }

    /// Whether to use dual-stack (IPv6) endpoints (`AWS_USE_DUALSTACK_ENDPOINT`).
    pub fn use_dual_stack(&self) -> bool {
        self.use_dual_stack.unwrap_or(false)
    }

    /// The HTTP layer that answers in place of the network, when tests set one.
    pub fn test_http(&self) -> Option<&TestHttp> {
        self.test_http.as_ref()
    }
}

/// A service id as it ends an environment variable: `API Gateway` → `API_GATEWAY`.
fn service_env_suffix(service_id: &str) -> String {
    service_id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// Settings given in code; what is left unset is read by
/// [`load`](ConfigBuilder::load) from the environment.
#[derive(Debug, Clone, Default)]
pub struct ConfigBuilder {
    config: Config,
    profile: Option<String>,
}

impl ConfigBuilder {
    /// The region.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = Some(region.into());
        self
    }

    /// The credentials; the chain is not consulted.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.config.credentials = Some(credentials);
        self
    }

    /// One endpoint for every service.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.config.endpoint_url = Some(url.into());
        self
    }

    /// Attempts per request, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.config.max_attempts = Some(attempts.max(1));
        self
    }

    /// How long to wait for a connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.config.connect_timeout = Some(timeout);
        self
    }

    /// How long one attempt may take.
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.config.request_timeout = Some(timeout);
        self
    }

    /// Whether endpoints may (`preferred`), must (`required`) or must not
    /// (`disabled`) name the account; another value is refused when the
    /// configuration is loaded, and by the endpoint rules otherwise.
    pub fn account_id_endpoint_mode(mut self, mode: impl Into<String>) -> Self {
        self.config.account_id_endpoint_mode = Some(mode.into());
        self
    }

    /// Which STS endpoint to call from the regions that once used the global
    /// one: `regional` (the default) or `legacy` (`sts.amazonaws.com`);
    /// another value is refused when the configuration is loaded.
    pub fn sts_regional_endpoints(mut self, setting: impl Into<String>) -> Self {
        self.config.sts_regional_endpoints = Some(setting.into());
        self
    }

    /// Sets an endpoint parameter a service's model declares among its
    /// `clientContextParams` (S3's `ForcePathStyle`, ACM's `ServiceType`);
    /// the clients of services whose rules have no such parameter ignore it.
    pub fn client_context_param(
        mut self,
        name: impl Into<String>,
        value: crate::endpoint::Value,
    ) -> Self {
        self.config.client_context_params.insert(name.into(), value);
        self
    }

    /// How failed attempts are retried.
    pub fn retry_mode(mut self, mode: RetryMode) -> Self {
        self.config.retry_mode = Some(mode);
        self
    }

    /// Whether to use FIPS endpoints.
    pub fn use_fips(mut self, use_fips: bool) -> Self {
        self.config.use_fips = Some(use_fips);
        self
    }

    /// Whether to use dual-stack (IPv6) endpoints.
    pub fn use_dual_stack(mut self, use_dual_stack: bool) -> Self {
        self.config.use_dual_stack = Some(use_dual_stack);
        self
    }

    /// The profile of the shared files to read (instead of `AWS_PROFILE`).
    pub fn profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Sends nothing over the network: clients made with this configuration
    /// give their requests to `http` (for tests).
    pub fn test_http(mut self, http: TestHttp) -> Self {
        self.config.test_http = Some(http);
        self
    }

    /// The settings given, and nothing else.
    pub fn build(self) -> Config {
        self.config
    }

    /// The settings given, the rest from the environment variables `env` and
    /// the shared files (`read` gives a file's text, `None` when it does not
    /// exist), in the SDKs' order: code, then environment, then the profile.
    pub fn load(
        self,
        env: &BTreeMap<String, String>,
        read: &dyn Fn(&PathBuf) -> Result<Option<String>, ConfigError>,
    ) -> Result<Config, ConfigError> {
        let variables = env;
        let env = |name: &str| {
            variables
                .get(name)
                .filter(|value| !value.trim().is_empty())
                .cloned()
        };
        let home = env("HOME").or_else(|| env("USERPROFILE"));
        let shared_file = |variable: &str, name: &str| -> Option<PathBuf> {
            env(variable)
                .map(|path| expand_home(&path, home.as_deref()))
                .or_else(|| {
                    home.as_ref()
                        .map(|home| PathBuf::from(home).join(".aws").join(name))
                })
        };
        let profile_name = self
            .profile
            .clone()
            .or_else(|| env("AWS_PROFILE"))
            .or_else(|| env("AWS_DEFAULT_PROFILE"))
            .unwrap_or_else(|| "default".to_owned());
        let config_file = match shared_file("AWS_CONFIG_FILE", "config") {
            Some(path) => read(&path)?
                .map(|text| parse_shared_file(&text, &path, SharedFile::Config))
                .transpose()?,
            None => None,
        };
        let credentials_file = match shared_file("AWS_SHARED_CREDENTIALS_FILE", "credentials") {
            Some(path) => read(&path)?
                .map(|text| parse_shared_file(&text, &path, SharedFile::Credentials))
                .transpose()?,
            None => None,
        };
        let profile = |file: &Option<BTreeMap<String, BTreeMap<String, String>>>| {
            file.as_ref()
                .and_then(|profiles| profiles.get(&profile_name))
                .cloned()
        };
        let from_config = profile(&config_file).unwrap_or_default();
        let from_credentials = profile(&credentials_file).unwrap_or_default();
        if self.profile.is_some() || env("AWS_PROFILE").is_some() {
            if config_file.is_none() && credentials_file.is_none() {
                return Err(error(format!(
                    "the profile {profile_name:?} is asked for, but there is no shared config or credentials file"
                )));
            }
            if !profile_exists(&config_file, &profile_name)
                && !profile_exists(&credentials_file, &profile_name)
            {
                return Err(error(format!(
                    "the profile {profile_name:?} is in neither shared file"
                )));
            }
        }

        let mut config = self.config;
        config.region = config
            .region
            .or_else(|| env("AWS_REGION"))
            .or_else(|| env("AWS_DEFAULT_REGION"))
            .or_else(|| from_config.get("region").cloned());
        config.credentials = match config.credentials {
            Some(explicit) => Some(explicit),
            None => credentials_from_env(&env)?
                .or(credentials_from_profile(
                    &from_credentials,
                    "credentials file",
                )?)
                .or(credentials_from_profile(&from_config, "config file")?),
        };
        let ignore_configured = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
            .is_some_and(|value| value.eq_ignore_ascii_case("true"));
        if !ignore_configured {
            config.endpoint_url = config
                .endpoint_url
                .or_else(|| env("AWS_ENDPOINT_URL"))
                .or_else(|| from_config.get("endpoint_url").cloned());
            config
                .service_endpoint_urls
                .extend(variables.iter().filter_map(|(name, url)| {
                    let service = name.strip_prefix("AWS_ENDPOINT_URL_")?;
                    (!url.trim().is_empty()).then(|| (service.to_owned(), url.clone()))
                }));
        }
        config.max_attempts = match config.max_attempts {
            Some(attempts) => Some(attempts),
            None => {
                match env("AWS_MAX_ATTEMPTS").or_else(|| from_config.get("max_attempts").cloned()) {
                    Some(text) => Some(
                        text.trim()
                            .parse::<u32>()
                            .ok()
                            .filter(|attempts| *attempts >= 1)
                            .ok_or_else(|| {
                                error(format!(
                                    "max_attempts {text:?} is not a whole number of at least 1"
                                ))
                            })?,
                    ),
                    None => None,
                }
            }
        };
        let flag = |variable: &str, key: &str| -> Result<Option<bool>, ConfigError> {
            match env(variable).or_else(|| from_config.get(key).cloned()) {
                None => Ok(None),
                Some(text) => match text.trim().to_ascii_lowercase().as_str() {
                    "true" => Ok(Some(true)),
                    "false" => Ok(Some(false)),
                    _ => Err(error(format!("{key} {text:?} is neither true nor false"))),
                },
            }
        };
        if config.use_fips.is_none() {
            config.use_fips = flag("AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint")?;
        }
        if config.account_id_endpoint_mode.is_none() {
            config.account_id_endpoint_mode = env("AWS_ACCOUNT_ID_ENDPOINT_MODE")
                .or_else(|| from_config.get("account_id_endpoint_mode").cloned());
        }
        if let Some(mode) = &config.account_id_endpoint_mode {
            if !["preferred", "disabled", "required"].contains(&mode.as_str()) {
                return Err(error(format!(
                    "account_id_endpoint_mode {mode:?} is none of preferred, disabled, required"
                )));
            }
        }
        if config.sts_regional_endpoints.is_none() {
            config.sts_regional_endpoints = env("AWS_STS_REGIONAL_ENDPOINTS")
                .or_else(|| from_config.get("sts_regional_endpoints").cloned());
        }
        if let Some(setting) = &config.sts_regional_endpoints {
            if !["regional", "legacy"].contains(&setting.as_str()) {
                return Err(error(format!(
                    "sts_regional_endpoints {setting:?} is neither regional nor legacy"
                )));
            }
        }
        if config.retry_mode.is_none() {
            let mode = env("AWS_RETRY_MODE").or_else(|| from_config.get("retry_mode").cloned());
            let new_retries = env(crate::client::retry::NEW_RETRIES_ENV);
            config.retry_mode = Some(
                RetryMode::resolve(mode.as_deref(), new_retries.as_deref())
                    .map_err(|err| error(format!("retry_mode: {err}")))?,
            );
        }
        if config.use_dual_stack.is_none() {
            config.use_dual_stack = flag("AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint")?;
        }
        Ok(config)
    }
}

fn expand_home(path: &str, home: Option<&str>) -> PathBuf {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

fn read_file(path: &PathBuf) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(error(format!("reading {}: {err}", path.display()))),
    }
}

fn credentials_from_env(
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<Credentials>, ConfigError> {
    match (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
        (Some(key), Some(secret)) => {
            let credentials = Credentials::new(
                key,
                secret,
                env("AWS_SESSION_TOKEN").or_else(|| env("AWS_SECURITY_TOKEN")),
            );
            Ok(Some(match env("AWS_ACCOUNT_ID") {
                Some(account) => credentials.with_account_id(account),
                None => credentials,
            }))
        }
        (Some(_), None) => Err(error(
            "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
        )),
        (None, Some(_)) => Err(error(
            "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not",
        )),
        (None, None) => Ok(None),
    }
}

fn credentials_from_profile(
    profile: &BTreeMap<String, String>,
    file: &str,
) -> Result<Option<Credentials>, ConfigError> {
    match (
        profile.get("aws_access_key_id"),
        profile.get("aws_secret_access_key"),
    ) {
        (Some(key), Some(secret)) => {
            let credentials = Credentials::new(
                key.clone(),
                secret.clone(),
                profile
                    .get("aws_session_token")
                    .or_else(|| profile.get("aws_security_token"))
                    .cloned(),
            );
            Ok(Some(match profile.get("aws_account_id") {
                Some(account) => credentials.with_account_id(account.clone()),
                None => credentials,
            }))
        }
        (Some(_), None) => Err(error(format!(
            "the profile in the {file} has aws_access_key_id but no aws_secret_access_key"
        ))),
        _ => Ok(None),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SharedFile {
    /// `~/.aws/config`: `[default]` and `[profile NAME]`.
    Config,
    /// `~/.aws/credentials`: `[NAME]`.
    Credentials,
}

fn profile_exists(file: &Option<BTreeMap<String, BTreeMap<String, String>>>, name: &str) -> bool {
    file.as_ref()
        .is_some_and(|profiles| profiles.contains_key(name))
}

/// The profiles of a shared file, by name, each its keys (lowercased) and values.
fn parse_shared_file(
    text: &str,
    path: &std::path::Path,
    kind: SharedFile,
) -> Result<BTreeMap<String, BTreeMap<String, String>>, ConfigError> {
    let ini = ini::Ini::load_from_str_noescape(text)
        .map_err(|err| error(format!("{}: {err}", path.display())))?;
    let mut profiles: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (section, properties) in ini.iter() {
        let Some(section) = section.map(str::trim) else {
            continue;
        };
        let name = match kind {
            SharedFile::Credentials => Some(section),
            SharedFile::Config if section == "default" => Some("default"),
            // `[profile default]` is the default profile too; other sections
            // (`[sso-session …]`, `[services …]`) are not profiles.
            SharedFile::Config => section.strip_prefix("profile ").map(str::trim),
        };
        let Some(name) = name else {
            continue;
        };
        let profile = profiles.entry(name.to_owned()).or_default();
        for (key, value) in properties.iter() {
            profile.insert(key.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    Ok(profiles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(env: &[(&str, &str)], files: &[(&str, &str)]) -> Result<Config, ConfigError> {
        load_with(Config::builder(), env, files)
    }

    fn load_with(
        builder: ConfigBuilder,
        env: &[(&str, &str)],
        files: &[(&str, &str)],
    ) -> Result<Config, ConfigError> {
        let env: BTreeMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .chain([("HOME".to_owned(), "/home/user".to_owned())])
            .collect();
        let files: BTreeMap<PathBuf, String> = files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), (*text).to_owned()))
            .collect();
        builder.load(&env, &|path| Ok(files.get(path).cloned()))
    }

    const CONFIG: (&str, &str) = (
        "/home/user/.aws/config",
        "[default]\nregion = eu-west-1\n\n[profile dev]\nregion=us-west-2\nmax_attempts = 5\n\
         endpoint_url = http://127.0.0.1:5000\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = config-secret\n\
         s3 =\n  addressing_style = path\n\n[sso-session corp]\nsso_region = us-east-1\n",
    );
    const CREDENTIALS: (&str, &str) = (
        "/home/user/.aws/credentials",
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = default/secret+key\n\n\
         [dev]\naws_access_key_id=AKIDDEV\naws_secret_access_key=dev-secret\naws_session_token = dev-token\n",
    );

    #[test]
    fn the_default_profile_of_the_shared_files() {
        let config = load(&[], &[CONFIG, CREDENTIALS]).unwrap();
        assert_eq!(config.region(), Some("eu-west-1"));
        let credentials = config.credentials().unwrap();
        assert_eq!(credentials.access_key_id(), "AKIDDEFAULT");
        assert_eq!(
            credentials,
            &Credentials::new("AKIDDEFAULT", "default/secret+key", None)
        );
        assert_eq!(config.max_attempts(), None);
        assert_eq!(config.endpoint_url("API Gateway"), None);
    }

    #[test]
    fn aws_profile_picks_another_profile_and_the_environment_wins() {
        let config = load(&[("AWS_PROFILE", "dev")], &[CONFIG, CREDENTIALS]).unwrap();
        assert_eq!(config.region(), Some("us-west-2"));
        assert_eq!(
            config.credentials().unwrap().access_key_id(),
            "AKIDDEV",
            "the credentials file first"
        );
        assert_eq!(
            config.credentials().unwrap().session_token(),
            Some("dev-token")
        );
        assert_eq!(config.max_attempts(), Some(5));
        assert_eq!(
            config.endpoint_url("DynamoDB"),
            Some("http://127.0.0.1:5000")
        );

        let config = load(
            &[
                ("AWS_PROFILE", "dev"),
                ("AWS_REGION", "ap-south-1"),
                ("AWS_DEFAULT_REGION", "ca-central-1"),
                ("AWS_ACCESS_KEY_ID", "AKIDENV"),
                ("AWS_SECRET_ACCESS_KEY", "env-secret"),
                ("AWS_MAX_ATTEMPTS", "2"),
                ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ],
            &[CONFIG, CREDENTIALS],
        )
        .unwrap();
        assert_eq!(config.region(), Some("ap-south-1"));
        assert_eq!(config.credentials().unwrap().access_key_id(), "AKIDENV");
        assert_eq!(config.credentials().unwrap().session_token(), None);
        assert_eq!(config.max_attempts(), Some(2));
        assert_eq!(
            config.endpoint_url("DynamoDB"),
            Some("http://localhost:4566")
        );

        let config = load(
            &[
                ("AWS_ENDPOINT_URL", "http://localhost:4566"),
                ("AWS_ENDPOINT_URL_API_GATEWAY", "http://127.0.0.1:9000"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(
            config.endpoint_url("API Gateway"),
            Some("http://127.0.0.1:9000")
        );
        assert_eq!(config.endpoint_url("SQS"), Some("http://localhost:4566"));
        let ignored = load(
            &[
                ("AWS_ENDPOINT_URL", "http://localhost:4566"),
                ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(ignored.endpoint_url("SQS"), None);

        let config = load(&[("AWS_DEFAULT_REGION", "ca-central-1")], &[]).unwrap();
        assert_eq!(config.region(), Some("ca-central-1"));
        assert_eq!(config.credentials(), None);
    }

    #[test]
    fn code_wins_over_everything() {
        let builder = Config::builder()
            .region("sa-east-1")
            .credentials(Credentials::new("AKIDCODE", "code-secret", None))
            .max_attempts(7)
            .profile("dev");
        let config = load_with(
            builder,
            &[("AWS_REGION", "ap-south-1")],
            &[CONFIG, CREDENTIALS],
        )
        .unwrap();
        assert_eq!(config.region(), Some("sa-east-1"));
        assert_eq!(config.credentials().unwrap().access_key_id(), "AKIDCODE");
        assert_eq!(config.max_attempts(), Some(7));
    }

    #[test]
    fn credentials_from_the_config_file_when_the_credentials_file_has_none() {
        let config = load(&[("AWS_PROFILE", "dev")], &[CONFIG]).unwrap();
        assert_eq!(config.credentials().unwrap().access_key_id(), "AKIDCONFIG");
    }

    #[test]
    fn files_named_by_the_environment() {
        let config = load(
            &[
                ("AWS_CONFIG_FILE", "~/elsewhere/config"),
                ("AWS_SHARED_CREDENTIALS_FILE", "/etc/aws-credentials"),
            ],
            &[
                (
                    "/home/user/elsewhere/config",
                    "[default]\nregion = us-east-2\n",
                ),
                ("/etc/aws-credentials", CREDENTIALS.1),
            ],
        )
        .unwrap();
        assert_eq!(config.region(), Some("us-east-2"));
        assert_eq!(config.credentials().unwrap().access_key_id(), "AKIDDEFAULT");
    }

    #[test]
    fn mistakes_are_named() {
        let err = load(&[("AWS_PROFILE", "prod")], &[CONFIG, CREDENTIALS]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the profile \"prod\" is in neither shared file"
        );
        let err = load(&[("AWS_ACCESS_KEY_ID", "AKID")], &[]).unwrap_err();
        assert!(
            err.to_string().contains("AWS_SECRET_ACCESS_KEY is not"),
            "{err}"
        );
        let err = load(&[("AWS_MAX_ATTEMPTS", "zero")], &[]).unwrap_err();
        assert!(err.to_string().contains("max_attempts \"zero\""), "{err}");
        let err = load(&[("AWS_PROFILE", "dev")], &[]).unwrap_err();
        assert!(
            err.to_string()
                .contains("no shared config or credentials file"),
            "{err}"
        );
    }

    #[test]
    fn service_ids_become_variable_suffixes() {
        assert_eq!(service_env_suffix("API Gateway"), "API_GATEWAY");
        assert_eq!(service_env_suffix("DynamoDB"), "DYNAMODB");
        assert_eq!(
            service_env_suffix("Elastic Load Balancing v2"),
            "ELASTIC_LOAD_BALANCING_V2"
        );
    }
}
