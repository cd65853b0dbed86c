//! A local HTTP/1.1 server for the `client_call` benchmark: it answers every
//! request at once with one of two fixed API Gateway responses, so that the
//! clients measured against it spend their time in their own code and in the
//! loopback round trip, the same for every client.
//!
//! It listens on `127.0.0.1` on a port the system picks, keeps connections
//! alive (HTTP/1.1's default), and runs either as a task on the clients' own
//! runtime ([`LocalServer::start_on`]) or on a thread of its own
//! ([`LocalServer::start_on_own_thread`]). It answers:
//!
//! - `POST` (`CreateDeployment`, `/restapis/{id}/deployments`): `201` with
//!   [`DEPLOYMENT_BODY`];
//! - anything else (`GetRestApis`, `GET /restapis`): `200` with
//!   [`REST_APIS_BODY`], three REST APIs.
//!
//! It stops with the process; nothing else talks to it.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The `GetRestApis` answer: three REST APIs, as API Gateway describes them.
pub const REST_APIS_BODY: &str = concat!(
    r#"{"item":["#,
    r#"{"id":"a1b2c3d4e5","name":"pets","description":"The pet store","createdDate":1700000000,"#,
    r#""version":"v1","apiKeySource":"HEADER","endpointConfiguration":{"types":["REGIONAL"]},"#,
    r#""tags":{"team":"store"},"disableExecuteApiEndpoint":false,"rootResourceId":"r00tid0001"},"#,
    r#"{"id":"f6g7h8i9j0","name":"orders","createdDate":1700000100,"apiKeySource":"HEADER","#,
    r#""endpointConfiguration":{"types":["EDGE"]},"disableExecuteApiEndpoint":false,"#,
    r#""rootResourceId":"r00tid0002"},"#,
    r#"{"id":"k1l2m3n4o5","name":"billing","description":"Invoices","createdDate":1700000200,"#,
    r#""apiKeySource":"AUTHORIZER","endpointConfiguration":{"types":["PRIVATE"]},"#,
    r#""binaryMediaTypes":["application/pdf"],"disableExecuteApiEndpoint":true,"#,
    r#""rootResourceId":"r00tid0003"}"#,
    r#"]}"#
);

/// The ids of the three REST APIs in [`REST_APIS_BODY`].
pub const REST_API_IDS: [&str; 3] = ["a1b2c3d4e5", "f6g7h8i9j0", "k1l2m3n4o5"];

/// The `CreateDeployment` answer.
pub const DEPLOYMENT_BODY: &str =
    r#"{"id":"dep123","description":"benchmark deployment","createdDate":1700000300}"#;

/// The deployment id in [`DEPLOYMENT_BODY`].
pub const DEPLOYMENT_ID: &str = "dep123";

/// One request as the server read it (kept only while capturing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeenRequest {
    /// The request line's method.
    pub method: String,
    /// The request line's target (path and query).
    pub target: String,
    /// The header names, lower-cased, in the order sent.
    pub header_names: Vec<String>,
    /// The body.
    pub body: Vec<u8>,
}

#[derive(Debug, Default)]
struct State {
    capture: AtomicBool,
    seen: Mutex<Option<SeenRequest>>,
    connections: AtomicU64,
    requests: AtomicU64,
}

impl State {
    fn seen(&self) -> MutexGuard<'_, Option<SeenRequest>> {
        self.seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The running server.
#[derive(Debug, Clone)]
pub struct LocalServer {
    address: SocketAddr,
    state: Arc<State>,
}

impl LocalServer {
    /// Starts the server as a task on `runtime`, which must be driven (by
    /// `block_on`) for it to answer: a client awaiting a call on the same
    /// current-thread runtime makes the whole round trip one thread's work.
    ///
    /// # Panics
    ///
    /// When no socket can be bound on `127.0.0.1`.
    pub fn start_on(runtime: &tokio::runtime::Handle) -> LocalServer {
        let (listener, server) = LocalServer::bind();
        let state = server.state.clone();
        runtime.spawn(async move {
            let listener = TcpListener::from_std(listener).expect("a tokio listener");
            accept(listener, state).await;
        });
        server
    }

    /// Starts the server on its own thread, with its own runtime, as a
    /// server in another process would run.
    ///
    /// # Panics
    ///
    /// When no socket can be bound on `127.0.0.1` or no runtime built.
    pub fn start_on_own_thread() -> LocalServer {
        let (listener, server) = LocalServer::bind();
        let state = server.state.clone();
        std::thread::Builder::new()
            .name("local-server".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .build()
                    .expect("the server's runtime");
                runtime.block_on(async move {
                    let listener = TcpListener::from_std(listener).expect("a tokio listener");
                    accept(listener, state).await;
                });
            })
            .expect("the server thread");
        server
    }

    fn bind() -> (std::net::TcpListener, LocalServer) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port on 127.0.0.1");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking socket");
        let address = listener.local_addr().expect("the bound address");
        let state = Arc::new(State::default());
        (listener, LocalServer { address, state })
    }

    /// `http://127.0.0.1:PORT`, for a client's endpoint URL.
    pub fn endpoint_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Keeps a copy of every request from now on (off by default).
    pub fn set_capture(&self, capture: bool) {
        self.state.capture.store(capture, Ordering::Relaxed);
    }

    /// The last request captured, which it clears.
    pub fn take_seen(&self) -> Option<SeenRequest> {
        self.state.seen().take()
    }

    /// How many connections were accepted so far.
    pub fn connections(&self) -> u64 {
        self.state.connections.load(Ordering::Relaxed)
    }

    /// How many requests were answered so far.
    pub fn requests(&self) -> u64 {
        self.state.requests.load(Ordering::Relaxed)
    }
}

/// The whole response for a request with `method`, head and body.
fn response(method: &[u8]) -> Vec<u8> {
    let (status, body) = if method == b"POST" {
        ("201 Created", DEPLOYMENT_BODY)
    } else {
        ("200 OK", REST_APIS_BODY)
    };
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         x-amzn-requestid: 3f1c1a52-7b1e-4f43-9a6a-0c8d2f6b5e11\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Accepts connections for ever, each served by a task of its own.
async fn accept(listener: TcpListener, state: Arc<State>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        state.connections.fetch_add(1, Ordering::Relaxed);
        tokio::spawn(serve(stream, state.clone()));
    }
}

/// Answers the requests of one connection until the client closes it.
async fn serve(mut stream: TcpStream, state: Arc<State>) {
    let get = response(b"GET");
    let post = response(b"POST");
    let mut buffer = Vec::with_capacity(8 * 1024);
    loop {
        let Some(request) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        let answer = if request.method == "POST" {
            &post
        } else {
            &get
        };
        state.requests.fetch_add(1, Ordering::Relaxed);
        if state.capture.load(Ordering::Relaxed) {
            *state.seen() = Some(request);
        }
        if stream.write_all(answer).await.is_err() {
            return;
        }
    }
}

/// Reads one request (head and body: `content-length` or chunked) from
/// `stream`, leaving what follows it in `buffer`; `None` when the connection
/// ends or the request cannot be read.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<SeenRequest> {
    let head_end = loop {
        if let Some(end) = find(buffer, b"\r\n\r\n") {
            break end + 4;
        }
        fill(stream, buffer).await?;
    };
    let head = std::str::from_utf8(&buffer[..head_end]).ok()?;
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?.to_owned();
    let mut header_names = Vec::new();
    let mut content_length = 0;
    let mut chunked = false;
    for line in lines.filter(|line| !line.is_empty()) {
        let (name, value) = line.split_once(':')?;
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim();
        match name.as_str() {
            "content-length" => content_length = value.parse().ok()?,
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            _ => {}
        }
        header_names.push(name);
    }
    buffer.drain(..head_end);
    let body = if chunked {
        read_chunked(stream, buffer).await?
    } else {
        while buffer.len() < content_length {
            fill(stream, buffer).await?;
        }
        buffer.drain(..content_length).collect()
    };
    Some(SeenRequest {
        method,
        target,
        header_names,
        body,
    })
}

/// Reads a chunked body (no trailers expected, but they are skipped).
async fn read_chunked(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = loop {
            if let Some(end) = find(buffer, b"\r\n") {
                break end;
            }
            fill(stream, buffer).await?;
        };
        let size_text = std::str::from_utf8(&buffer[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        buffer.drain(..line_end + 2);
        if size == 0 {
            // Trailers, then the empty line.
            loop {
                if let Some(end) = find(buffer, b"\r\n") {
                    buffer.drain(..end + 2);
                    if end == 0 {
                        return Some(body);
                    }
                } else {
                    fill(stream, buffer).await?;
                }
            }
        }
        while buffer.len() < size + 2 {
            fill(stream, buffer).await?;
        }
        body.extend_from_slice(&buffer[..size]);
        buffer.drain(..size + 2);
    }
}

/// Reads more bytes into `buffer`; `None` at the end of the connection.
async fn fill(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<()> {
    let mut chunk = [0u8; 8 * 1024];
    match stream.read(&mut chunk).await {
        Ok(0) | Err(_) => None,
        Ok(n) => {
            buffer.extend_from_slice(&chunk[..n]);
            Some(())
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
