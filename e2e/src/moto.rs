//! A moto server per test, from a pinned install under the workspace's `target/`.
//!
//! [`MotoServer::start`] first makes sure `moto[server]==`[`MOTO_VERSION`] is
//! installed in a virtual environment ([`venv_dir`], `target/moto-venv` by
//! default). The first call on a machine creates it with `python3 -m venv`
//! and the environment's own pip, from PyPI (about a minute); later calls only
//! read a marker file. The install runs under an exclusive lock on
//! `target/moto-venv.lock`, so test binaries and threads starting at the same
//! time install once and never see a half-built environment.
//!
//! Each server then gets a free loopback port of its own, runs in its own
//! process group with its output in a log file under `target/moto-logs/`
//! (named in every error), and is killed, group and all, when the
//! [`MotoServer`] is dropped, also when the test panics. If the test process
//! dies without unwinding (killed, aborted, interrupted with Ctrl-C), the
//! server notices its standard input closing and exits by itself.
//!
//! Environment variables read:
//!
//! - `CARGO_TARGET_DIR`: the target directory (relative to the workspace
//!   root if relative); else the workspace's `target/`.
//! - `AWSGEN_E2E_PYTHON`: the interpreter that creates the virtual
//!   environment (default `python3`).

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rustix::fs::FlockOperation;
use rustix::process::{Pid, Signal};

/// The moto release installed, pinned exactly (`moto[server]==5.2.5`).
pub const MOTO_VERSION: &str = "5.2.5";

/// How long [`MotoServer::start`] waits for a new server to answer HTTP.
pub const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The virtual environment's directory name inside the target directory.
const VENV_NAME: &str = "moto-venv";

/// Written last by an install: its content says what is installed where.
const MARKER_NAME: &str = "awsgen-e2e-installed";

/// Runs moto's own server entry point (`moto.server:main`, what the
/// `moto_server` script runs, with the same arguments) and exits as soon as
/// standard input reaches end of file. The test process holds the other end
/// of that pipe, so a test process that dies without running `Drop` (killed,
/// aborted, interrupted) takes its servers with it. The server's process
/// group is outside the terminal's, so Ctrl-C alone would not reach it.
const LAUNCHER: &str = r#"
import os, sys, threading

def exit_when_parent_is_gone():
    try:
        while sys.stdin.buffer.read(65536):
            pass
    finally:
        os._exit(0)

threading.Thread(target=exit_when_parent_is_gone, daemon=True).start()
sys.argv[0] = "moto_server"
from moto.server import main
sys.exit(main())
"#;

/// What failed while installing or running moto.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or process operation failed.
    #[error("cannot {action} {}: {source}", .path.display())]
    Io {
        /// What was being done, e.g. "create the log file".
        action: &'static str,
        /// The file, directory or program it was done to.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },
    /// The Python interpreter could not be started.
    #[error(
        "cannot run {python:?} to create the moto virtual environment {}: {source} \
         (install Python 3, or set AWSGEN_E2E_PYTHON to an interpreter)",
        .venv.display()
    )]
    PythonNotFound {
        /// The interpreter asked for.
        python: OsString,
        /// The virtual environment that was to be created.
        venv: PathBuf,
        /// Why it could not be started.
        #[source]
        source: io::Error,
    },
    /// The Python interpreter cannot create virtual environments.
    #[error(
        "{python:?} cannot create the moto virtual environment {}: its `venv` or `ensurepip` \
         module is missing (on Debian or Ubuntu: `apt-get install python3-venv`; or set \
         AWSGEN_E2E_PYTHON to another interpreter): {detail}",
        .venv.display()
    )]
    NoVenvSupport {
        /// The interpreter asked for.
        python: OsString,
        /// The virtual environment that was to be created.
        venv: PathBuf,
        /// What the interpreter printed.
        detail: String,
    },
    /// A step of the install exited unsuccessfully.
    #[error(
        "{step} failed ({status}) while installing moto into {}; full output in {}:\n{tail}",
        .venv.display(),
        .log.display()
    )]
    Install {
        /// The step, e.g. `pip install moto[server]==5.2.5`.
        step: String,
        /// How it exited.
        status: ExitStatus,
        /// The virtual environment.
        venv: PathBuf,
        /// The install log.
        log: PathBuf,
        /// The last lines of the install log.
        tail: String,
    },
    /// The server exited before it answered.
    #[error(
        "moto_server for {url} exited ({status}) before answering; its output is in {}:\n{tail}",
        .log.display()
    )]
    ServerExited {
        /// The server's endpoint.
        url: String,
        /// How it exited.
        status: ExitStatus,
        /// The server's log.
        log: PathBuf,
        /// The last lines of the server's log.
        tail: String,
    },
    /// The server did not answer within [`START_TIMEOUT`].
    #[error(
        "moto_server did not answer on {url} within {waited:?} ({last_error}); its output is in {}:\n{tail}",
        .log.display()
    )]
    ServerTimeout {
        /// The server's endpoint.
        url: String,
        /// How long it was given.
        waited: Duration,
        /// What the last attempt to reach it got.
        last_error: String,
        /// The server's log.
        log: PathBuf,
        /// The last lines of the server's log.
        tail: String,
    },
    /// A call to moto's own API (`/moto-api/…`) failed.
    #[error("{request} on {url} failed: {detail}; the server's output is in {}", .log.display())]
    MotoApi {
        /// The request, e.g. "POST /moto-api/reset".
        request: &'static str,
        /// The server's endpoint.
        url: String,
        /// The status it answered, or the transport error.
        detail: String,
        /// The server's log.
        log: PathBuf,
    },
}

/// A running moto server on `127.0.0.1`, killed when dropped.
///
/// ```no_run
/// let moto = awsgen_e2e::moto::MotoServer::start()?;
/// let endpoint = moto.endpoint_url(); // "http://127.0.0.1:PORT"
/// // … point a client at `endpoint`, with awsgen_e2e::ACCESS_KEY_ID,
/// // awsgen_e2e::SECRET_ACCESS_KEY and awsgen_e2e::REGION …
/// moto.reset()?; // forget every resource, if the test wants a clean slate
/// # Ok::<(), awsgen_e2e::moto::Error>(())
/// ```
#[derive(Debug)]
pub struct MotoServer {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl MotoServer {
    /// Installs moto if needed ([`ensure_installed`]), starts a server on a
    /// free loopback port and waits until it answers HTTP.
    ///
    /// # Errors
    ///
    /// When the install fails (no Python, no `venv` module, no network to
    /// PyPI), or the server exits or stays silent for [`START_TIMEOUT`]; the
    /// error names the virtual environment or the server's log.
    pub fn start() -> Result<Self, Error> {
        let venv = ensure_installed()?;
        let logs = target_dir().join("moto-logs");
        fs::create_dir_all(&logs).map_err(io_error("create the log directory", &logs))?;
        // Another process may take the free port between our probe and
        // moto's bind; a fresh port fixes that.
        let mut attempts_left = 3;
        loop {
            attempts_left -= 1;
            match Self::spawn(&venv, &logs) {
                Err(Error::ServerExited { ref tail, .. })
                    if attempts_left > 0 && tail.contains("Address already in use") => {}
                result => return result,
            }
        }
    }

    fn spawn(venv: &Path, logs: &Path) -> Result<Self, Error> {
        static SERVERS: AtomicUsize = AtomicUsize::new(0);
        let port = free_port()?;
        let log = logs.join(format!(
            "moto-{}-{}-port{port}.log",
            std::process::id(),
            SERVERS.fetch_add(1, Ordering::Relaxed)
        ));
        let out = File::create(&log).map_err(io_error("create the log file", &log))?;
        let err = out
            .try_clone()
            .map_err(io_error("duplicate the handle of", &log))?;
        let python = venv_python(venv);
        let child = Command::new(&python)
            .arg("-c")
            .arg(LAUNCHER)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .env("PYTHONUNBUFFERED", "1")
            .stdin(Stdio::piped())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .map_err(io_error("start moto_server with", &python))?;
        // From here on, an early return drops the server, which kills it.
        let mut server = Self { child, port, log };
        server.wait_until_answering()?;
        Ok(server)
    }

    fn wait_until_answering(&mut self) -> Result<(), Error> {
        let started = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => {
                    return Err(Error::ServerExited {
                        url: self.endpoint_url(),
                        status,
                        tail: log_tail(&self.log),
                        log: self.log.clone(),
                    })
                }
                Ok(None) => {}
                Err(source) => {
                    return Err(Error::Io {
                        action: "check on moto_server, whose log is",
                        path: self.log.clone(),
                        source,
                    })
                }
            }
            let last_error = match http(self.port, "GET", "/moto-api/", Duration::from_secs(2)) {
                Ok(_) => return Ok(()),
                Err(err) => err.to_string(),
            };
            if started.elapsed() >= START_TIMEOUT {
                return Err(Error::ServerTimeout {
                    url: self.endpoint_url(),
                    waited: START_TIMEOUT,
                    last_error,
                    tail: log_tail(&self.log),
                    log: self.log.clone(),
                });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The server's endpoint, `http://127.0.0.1:PORT`, for a client's
    /// endpoint override.
    #[must_use]
    pub fn endpoint_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A configuration for clients of this server: [`crate::test_config`]
    /// with the server as the endpoint.
    #[must_use]
    pub fn config(&self) -> awsgen_runtime::config::Config {
        crate::test_config()
            .endpoint_url(self.endpoint_url())
            .build()
    }

    /// The server's port on `127.0.0.1`.
    #[must_use]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The server's process id, which is also its process group's id.
    #[must_use]
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The file the server's standard output and error go to.
    #[must_use]
    pub fn log_path(&self) -> &Path {
        &self.log
    }

    /// Makes moto forget every resource in every region and account
    /// (`POST /moto-api/reset`), as if the server had just started.
    ///
    /// # Errors
    ///
    /// When the server cannot be reached or does not answer 200.
    pub fn reset(&self) -> Result<(), Error> {
        let request = "POST /moto-api/reset";
        let failed = |detail: String| Error::MotoApi {
            request,
            url: self.endpoint_url(),
            detail,
            log: self.log.clone(),
        };
        match http(
            self.port,
            "POST",
            "/moto-api/reset",
            Duration::from_secs(10),
        ) {
            Ok((200, _)) => Ok(()),
            Ok((status, body)) => Err(failed(format!(
                "answered {status}: {}",
                String::from_utf8_lossy(&body)
            ))),
            Err(err) => Err(failed(err.to_string())),
        }
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        // The process group's id is the server's pid (`process_group(0)`);
        // the unreaped server keeps that id from being reused until `wait`.
        if let Some(group) = i32::try_from(self.child.id()).ok().and_then(Pid::from_raw) {
            // Fails only if the group is already gone.
            let _ = rustix::process::kill_process_group(group, Signal::KILL);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The workspace's target directory: `CARGO_TARGET_DIR` (relative to the
/// workspace root if relative), else `target/` in the workspace root.
#[must_use]
pub fn target_dir() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or_else(|| Path::new(".."));
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => workspace.join(dir),
        _ => workspace.join("target"),
    }
}

/// Where the virtual environment lives: `moto-venv` in [`target_dir`].
#[must_use]
pub fn venv_dir() -> PathBuf {
    target_dir().join(VENV_NAME)
}

/// Makes sure `moto[server]==`[`MOTO_VERSION`] is installed in [`venv_dir`]
/// and returns that directory.
///
/// It holds an exclusive lock on `moto-venv.lock` beside the environment
/// while it checks and installs, so concurrent callers (threads or
/// processes) wait for one install. It reinstalls from scratch when the
/// marker file is missing or names another version or directory, or the
/// environment's interpreter is gone (after a Python upgrade, say).
///
/// # Errors
///
/// When Python or its `venv` module is missing, or `pip install` fails; the
/// error names the environment and the install log.
pub fn ensure_installed() -> Result<PathBuf, Error> {
    let target = target_dir();
    fs::create_dir_all(&target).map_err(io_error("create the target directory", &target))?;
    let venv = target.join(VENV_NAME);
    let lock_path = target.join(format!("{VENV_NAME}.lock"));
    let lock = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(io_error("open the install lock", &lock_path))?;
    // Blocks until no other process or thread holds it.
    loop {
        match rustix::fs::flock(&lock, FlockOperation::LockExclusive) {
            Ok(()) => break,
            Err(rustix::io::Errno::INTR) => {}
            Err(errno) => return Err(io_error("lock", &lock_path)(errno.into())),
        }
    }

    let marker = venv.join(MARKER_NAME);
    let wanted = format!("{}\n{}\n", requirement(), venv.display());
    let installed =
        fs::read_to_string(&marker).is_ok_and(|text| text == wanted) && venv_python(&venv).exists();
    if !installed {
        install(&target, &venv, &marker, &wanted)?;
    }
    // Closing the lock file releases the lock.
    drop(lock);
    Ok(venv)
}

fn requirement() -> String {
    format!("moto[server]=={MOTO_VERSION}")
}

fn venv_python(venv: &Path) -> PathBuf {
    venv.join("bin").join("python")
}

fn install(target: &Path, venv: &Path, marker: &Path, wanted: &str) -> Result<(), Error> {
    let python = std::env::var_os("AWSGEN_E2E_PYTHON")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| OsString::from("python3"));
    let log_path = target.join(format!("{VENV_NAME}-install.log"));
    eprintln!(
        "awsgen-e2e: installing {} into {} (once; output in {})",
        requirement(),
        venv.display(),
        log_path.display()
    );

    // `python3 -m venv` without ensurepip (Debian's python3 without
    // python3-venv) fails half way; asking first gives the clear error.
    let probe = Command::new(&python)
        .args(["-c", "import venv, ensurepip"])
        .stdin(Stdio::null())
        .output()
        .map_err(|source| Error::PythonNotFound {
            python: python.clone(),
            venv: venv.to_path_buf(),
            source,
        })?;
    if !probe.status.success() {
        return Err(Error::NoVenvSupport {
            python,
            venv: venv.to_path_buf(),
            detail: String::from_utf8_lossy(&probe.stderr).trim().to_owned(),
        });
    }

    if venv.exists() {
        fs::remove_dir_all(venv).map_err(io_error("remove the outdated environment", venv))?;
    }
    let mut log = File::create(&log_path).map_err(io_error("create the install log", &log_path))?;
    let mut venv_cmd = Command::new(&python);
    venv_cmd.args(["-m", "venv"]).arg(venv);
    run_logged(&mut venv_cmd, "python3 -m venv", venv, &mut log, &log_path)?;
    let mut pip = Command::new(venv_python(venv));
    pip.args([
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--no-input",
        &requirement(),
    ]);
    run_logged(
        &mut pip,
        &format!("pip install {}", requirement()),
        venv,
        &mut log,
        &log_path,
    )?;

    // The marker goes in last, whole, so a crash mid-install leaves none.
    let partial = venv.join(format!("{MARKER_NAME}.partial"));
    fs::write(&partial, wanted).map_err(io_error("write", &partial))?;
    fs::rename(&partial, marker).map_err(io_error("write", marker))?;
    Ok(())
}

fn run_logged(
    command: &mut Command,
    step: &str,
    venv: &Path,
    log: &mut File,
    log_path: &Path,
) -> Result<(), Error> {
    let write_failed = io_error("write the install log", log_path);
    writeln!(log, "$ {command:?}").map_err(&write_failed)?;
    let out = log.try_clone().map_err(&write_failed)?;
    let err = log.try_clone().map_err(&write_failed)?;
    let program = PathBuf::from(command.get_program());
    let status = command
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .status()
        .map_err(io_error("run", &program))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Install {
            step: step.to_owned(),
            status,
            venv: venv.to_path_buf(),
            log: log_path.to_path_buf(),
            tail: log_tail(log_path),
        })
    }
}

/// A port on 127.0.0.1 that was free a moment ago.
fn free_port() -> Result<u16, Error> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    TcpListener::bind(address)
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(io_error("find a free port on", Path::new("127.0.0.1")))
}

/// One HTTP/1.1 request without a body on a fresh connection; the status
/// and body of the answer.
fn http(port: u16, method: &str, path: &str, timeout: Duration) -> io::Result<(u16, Vec<u8>)> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    let head_end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| invalid("an answer without the end of its head"))?;
    let status = std::str::from_utf8(&answer[..head_end])
        .ok()
        .and_then(|head| head.strip_prefix("HTTP/1."))
        .and_then(|rest| rest.get(2..5))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid("an answer without an HTTP/1.x status line"))?;
    Ok((status, answer.split_off(head_end + 4)))
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

/// The last lines of a log, for an error message.
fn log_tail(path: &Path) -> String {
    const LINES: usize = 20;
    match fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<&str> = text.lines().collect();
            lines[lines.len().saturating_sub(LINES)..].join("\n")
        }
        Err(err) => format!("(cannot read {}: {err})", path.display()),
    }
}

fn io_error<'a>(action: &'static str, path: &'a Path) -> impl Fn(io::Error) -> Error + 'a {
    move |source| Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}
