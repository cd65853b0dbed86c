//! A local HTTP/1.1 server that answers from a script and records what it got.
//!
//! [`ScriptedServer::start`] listens on a free port of `127.0.0.1` and takes
//! the next [`Step`] of its queue for each request it reads, on whatever
//! connection it arrives: connections are kept alive, so a client that
//! reuses one connection walks through the steps in order. Every request is
//! recorded ([`RecordedRequest`]) before its step runs, so once a client has
//! its answer (or its error) the request is in [`ScriptedServer::requests`].
//!
//! The HTTP is parsed by hand on raw TCP, because a connection reset or a
//! malformed answer is what some steps are for. Request bodies are read by
//! `Content-Length`; a chunked request body is answered `501` and the
//! connection closed. A request that arrives after the last step is answered
//! `500` with a body that says so (see [`ScriptedServer::steps_left`]).
//!
//! The server runs on a thread of its own with its own Tokio runtime, so it
//! serves synchronous tests and asynchronous ones alike; dropping the
//! [`ScriptedServer`] stops it and closes every connection.

use std::collections::VecDeque;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// The longest request head read (request line and headers).
const MAX_HEAD: usize = 64 * 1024;

/// The longest request body read.
const MAX_BODY: usize = 64 * 1024 * 1024;

/// An HTTP response to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    /// A response with this status, no headers and an empty body.
    ///
    /// `Content-Length` is added when sent, unless a header of that name or
    /// `Transfer-Encoding` is given.
    #[must_use]
    pub fn new(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A response with this status and body, and `Content-Type:
    /// application/json`.
    #[must_use]
    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::new(status)
            .header("Content-Type", "application/json")
            .body(body)
    }

    /// Adds a header (sent in the order added, repeated names allowed).
    #[must_use]
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Sets the body.
    #[must_use]
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    fn has_header(&self, name: &str) -> bool {
        self.headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case(name))
    }

    fn closes(&self) -> bool {
        self.headers.iter().any(|(n, v)| {
            n.eq_ignore_ascii_case("connection") && v.trim().eq_ignore_ascii_case("close")
        })
    }

    /// The status line and headers, with `Content-Length` added if missing.
    fn head(&self) -> Vec<u8> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        if !self.has_header("content-length") && !self.has_header("transfer-encoding") {
            head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        }
        head.push_str("\r\n");
        head.into_bytes()
    }
}

/// What the server does with one request.
///
/// A body that is well framed but not what the client expects (broken
/// JSON, say) is a plain [`Step::Respond`]; [`Step::Truncated`] and
/// [`Step::Raw`] break the HTTP framing itself.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Step {
    /// Answer with this response, keeping the connection open (unless the
    /// request or the response says `Connection: close`).
    Respond(Response),
    /// Wait this long, then answer; for a client's read timeout. If the
    /// client gives up first, the answer goes nowhere.
    Delay(Duration, Response),
    /// Answer nothing and reset the connection: `SO_LINGER` 0, then close,
    /// which sends a TCP RST, so the client's next read fails with
    /// `ECONNRESET` ([`io::ErrorKind::ConnectionReset`]).
    Reset,
    /// Answer nothing and close the connection normally (a FIN): the client
    /// reads end of file where it expected a response.
    Close,
    /// Send the head of this response, which announces the whole body's
    /// length, then only the first `sent` bytes of the body, then close: a
    /// body cut short.
    Truncated {
        /// The response whose body is cut.
        response: Response,
        /// How many bytes of the body are sent.
        sent: usize,
    },
    /// Send these bytes as the whole answer, verbatim, then close: any
    /// malformed status line, header or framing.
    Raw(Vec<u8>),
}

/// A request the server received.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The method, as sent (`GET`, `POST`, …).
    pub method: String,
    /// The request target as sent: the path and the query string, if any.
    pub path_and_query: String,
    /// The headers in the order sent, names as sent, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The body (empty when there was none).
    pub body: Vec<u8>,
    /// Which connection it came on: 0 for the first the server accepted, 1
    /// for the next, and so on. Equal numbers mean a reused connection.
    pub connection: usize,
}

impl RecordedRequest {
    /// The first value of a header, its name compared case-insensitively.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The path, without the query string.
    #[must_use]
    pub fn path(&self) -> &str {
        self.path_and_query
            .split_once('?')
            .map_or(self.path_and_query.as_str(), |(path, _)| path)
    }

    /// The query string without its `?`, if there is one.
    #[must_use]
    pub fn query(&self) -> Option<&str> {
        self.path_and_query.split_once('?').map(|(_, query)| query)
    }

    /// The body as text (invalid UTF-8 replaced).
    #[must_use]
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What the server thread and the [`ScriptedServer`] handle share.
#[derive(Debug, Default)]
struct Shared {
    steps: Mutex<VecDeque<Step>>,
    requests: Mutex<Vec<RecordedRequest>>,
    connections: AtomicUsize,
}

/// A scripted HTTP/1.1 server on `127.0.0.1`, stopped when dropped.
///
/// ```
/// use awsgen_e2e::scripted::{Response, ScriptedServer, Step};
/// use std::time::Duration;
///
/// let server = ScriptedServer::start([
///     Step::Respond(Response::json(500, r#"{"__type":"InternalServerError"}"#)),
///     Step::Reset,
///     Step::Delay(Duration::from_secs(5), Response::new(200)),
///     Step::Respond(Response::json(200, "{}")),
/// ])?;
/// let endpoint = server.endpoint_url(); // "http://127.0.0.1:PORT"
/// // … run the client against `endpoint`, then look at server.requests() …
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ScriptedServer {
    address: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl ScriptedServer {
    /// Starts a server on a free port of `127.0.0.1` that answers with
    /// these steps, one per request, in order.
    ///
    /// # Errors
    ///
    /// When no port can be bound, or the runtime or its thread cannot be
    /// created.
    pub fn start(steps: impl IntoIterator<Item = Step>) -> io::Result<Self> {
        let listener = std::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
        let address = listener.local_addr()?;
        listener.set_nonblocking(true)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = {
            let _context = runtime.enter();
            TcpListener::from_std(listener)?
        };
        let shared = Arc::new(Shared {
            steps: Mutex::new(steps.into_iter().collect()),
            ..Shared::default()
        });
        let (shutdown, stopped) = oneshot::channel();
        let served = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name(format!("scripted-server-{}", address.port()))
            // Dropping the runtime at the end of the thread drops every
            // connection task, which closes its socket.
            .spawn(move || runtime.block_on(serve(listener, served, stopped)))?;
        Ok(Self {
            address,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// The server's endpoint, `http://127.0.0.1:PORT`.
    #[must_use]
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The server's socket address.
    #[must_use]
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Every request received so far, in the order they were read.
    #[must_use]
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.requests).clone()
    }

    /// How many steps have not been used yet; 0 once the script has run.
    #[must_use]
    pub fn steps_left(&self) -> usize {
        lock(&self.shared.steps).len()
    }

    /// How many connections the server has accepted.
    #[must_use]
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // Fails only if the server loop has already ended.
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            // A panic on the server thread was already printed; raising it
            // again in a drop could abort the test process.
            let _ = thread.join();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // The data stays consistent whatever panicked while holding the lock:
    // every change is a single push or pop.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let id = shared.connections.fetch_add(1, Ordering::SeqCst);
                    tokio::spawn(connection(stream, id, Arc::clone(&shared)));
                }
                // Out of file descriptors and the like: try again shortly.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
        }
    }
}

/// Serves one connection until the client closes it or a step ends it.
async fn connection(mut stream: TcpStream, id: usize, shared: Arc<Shared>) {
    let mut buffer = Vec::new();
    loop {
        let request = match read_request(&mut stream, &mut buffer).await {
            Ok(Some(request)) => request,
            Ok(None) => return,
            Err(ReadError::Gone) => return,
            Err(ReadError::Refused(status, why)) => {
                let response = Response::new(status)
                    .header("Connection", "close")
                    .body(format!("scripted server: {why}\n"));
                let _ = write_response(&mut stream, &response, true).await;
                return;
            }
        };
        let request = RecordedRequest {
            connection: id,
            ..request
        };
        let client_closes = request
            .header("connection")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("close"));
        let with_body = request.method != "HEAD";
        let step = lock(&shared.steps).pop_front();
        let step = step.unwrap_or_else(|| {
            Step::Respond(Response::new(500).body(format!(
                "scripted server: no step left for {} {}\n",
                request.method, request.path_and_query
            )))
        });
        lock(&shared.requests).push(request);

        let keep_open = match step {
            Step::Respond(response) => {
                write_response(&mut stream, &response, with_body)
                    .await
                    .is_ok()
                    && !response.closes()
            }
            Step::Delay(delay, response) => {
                tokio::time::sleep(delay).await;
                write_response(&mut stream, &response, with_body)
                    .await
                    .is_ok()
                    && !response.closes()
            }
            Step::Reset => {
                // With a zero linger time, close sends RST at once instead of
                // a FIN, and never blocks.
                let _ = stream.set_zero_linger();
                return;
            }
            Step::Close => false,
            Step::Truncated { response, sent } => {
                let sent = sent.min(response.body.len());
                let _ = write_all(&mut stream, &[&response.head(), &response.body[..sent]]).await;
                false
            }
            Step::Raw(bytes) => {
                let _ = write_all(&mut stream, &[&bytes]).await;
                false
            }
        };
        if !keep_open || client_closes {
            let _ = stream.shutdown().await;
            return;
        }
    }
}

async fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    with_body: bool,
) -> io::Result<()> {
    let body: &[u8] = if with_body { &response.body } else { &[] };
    write_all(stream, &[&response.head(), body]).await
}

async fn write_all(stream: &mut TcpStream, parts: &[&[u8]]) -> io::Result<()> {
    for part in parts {
        stream.write_all(part).await?;
    }
    stream.flush().await
}

enum ReadError {
    /// The connection failed or ended in the middle of a request: nothing
    /// to answer.
    Gone,
    /// A request this server cannot read, answered with this status.
    Refused(u16, String),
}

impl From<io::Error> for ReadError {
    fn from(_: io::Error) -> Self {
        Self::Gone
    }
}

/// Reads one request, keeping whatever follows it in `buffer` for the next.
/// `None` at a clean end of the connection between requests.
async fn read_request(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
) -> Result<Option<RecordedRequest>, ReadError> {
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        if buffer.len() > MAX_HEAD {
            return Err(ReadError::Refused(
                431,
                format!("request head longer than {MAX_HEAD} bytes"),
            ));
        }
        if read_more(stream, buffer).await? == 0 {
            if buffer.is_empty() {
                return Ok(None);
            }
            return Err(io::Error::from(io::ErrorKind::UnexpectedEof).into());
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Refused(
            400,
            format!("malformed request line {request_line:?}"),
        ));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(ReadError::Refused(
            505,
            format!("unsupported version {version:?}"),
        ));
    }
    let mut headers = Vec::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Refused(
                400,
                format!("malformed header line {line:?}"),
            ));
        };
        headers.push((name.to_owned(), value.trim().to_owned()));
    }
    let mut length: Option<usize> = None;
    for (name, value) in &headers {
        if name.eq_ignore_ascii_case("transfer-encoding") {
            return Err(ReadError::Refused(
                501,
                format!("request bodies with Transfer-Encoding {value:?} are not supported"),
            ));
        }
        if name.eq_ignore_ascii_case("content-length") {
            let parsed = value.parse().map_err(|_| {
                ReadError::Refused(400, format!("malformed Content-Length {value:?}"))
            })?;
            if length.is_some_and(|l| l != parsed) {
                return Err(ReadError::Refused(
                    400,
                    "conflicting Content-Length headers".into(),
                ));
            }
            length = Some(parsed);
        }
    }
    let length = length.unwrap_or(0);
    if length > MAX_BODY {
        return Err(ReadError::Refused(
            413,
            format!("request body of {length} bytes, longer than {MAX_BODY}"),
        ));
    }
    let body_start = head_end + 4;
    let body_end = body_start + length;
    while buffer.len() < body_end {
        if read_more(stream, buffer).await? == 0 {
            return Err(io::Error::from(io::ErrorKind::UnexpectedEof).into());
        }
    }
    let rest = buffer.split_off(body_end);
    let body = buffer.split_off(body_start);
    *buffer = rest;
    Ok(Some(RecordedRequest {
        method: method.to_owned(),
        path_and_query: target.to_owned(),
        headers,
        body,
        connection: 0,
    }))
}

async fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> io::Result<usize> {
    let mut chunk = [0; 8192];
    let read = stream.read(&mut chunk).await?;
    buffer.extend_from_slice(&chunk[..read]);
    Ok(read)
}

/// The reason phrase for a status; empty (which HTTP/1.1 allows) for the
/// ones not listed.
fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}
