//! The harness itself works: moto starts, answers AWS calls, resets and is
//! gone after drop; the scripted server serves its steps in order over one
//! keep-alive connection, records requests, and its failures are real.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use awsgen_e2e::moto::MotoServer;
use awsgen_e2e::scripted::{Response, ScriptedServer, Step};

/// A response read off the wire by [`Client`].
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A minimal HTTP/1.1 client on one connection, to keep it alive across
/// requests. Reads bodies by `Content-Length` only.
struct Client {
    reader: BufReader<TcpStream>,
    port: u16,
}

impl Client {
    fn connect(port: u16) -> Self {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("read timeout");
        Self {
            reader: BufReader::new(stream),
            port,
        }
    }

    fn send(&mut self, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) {
        let mut request = format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: {}\r\n",
            self.port,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let stream = self.reader.get_mut();
        stream.write_all(request.as_bytes()).expect("write head");
        stream.write_all(body).expect("write body");
    }

    fn read(&mut self) -> io::Result<Answer> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, line.clone()))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').expect("header line");
            headers.push((name.to_owned(), value.trim().to_owned()));
        }
        let mut answer = Answer {
            status,
            headers,
            body: Vec::new(),
        };
        let length: usize = answer
            .header("content-length")
            .map_or(0, |v| v.parse().expect("content-length"));
        answer.body = vec![0; length];
        self.reader.read_exact(&mut answer.body)?;
        Ok(answer)
    }

    fn call(
        &mut self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Answer {
        self.send(method, target, headers, body);
        self.read().expect("answer")
    }
}

/// A DynamoDB call as a SigV4 client sends it, less a valid signature (moto
/// does not check one; it reads the service and region from the scope).
fn dynamodb(moto: &MotoServer, operation: &str, body: &str) -> Answer {
    let target = format!("DynamoDB_20120810.{operation}");
    let authorization = format!(
        "AWS4-HMAC-SHA256 Credential={}/20260101/{}/dynamodb/aws4_request, \
         SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000",
        awsgen_e2e::ACCESS_KEY_ID,
        awsgen_e2e::REGION
    );
    let mut client = Client::connect(moto.port());
    client.call(
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-amz-json-1.0"),
            ("X-Amz-Target", &target),
            ("X-Amz-Date", "20260101T000000Z"),
            ("Authorization", &authorization),
        ],
        body.as_bytes(),
    )
}

fn table_names(moto: &MotoServer) -> String {
    let answer = dynamodb(moto, "ListTables", "{}");
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    String::from_utf8_lossy(&answer.body).into_owned()
}

fn process_exists(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

#[test]
fn moto_starts_answers_resets_and_is_gone_after_drop() {
    let started = Instant::now();
    let moto = MotoServer::start().unwrap_or_else(|err| panic!("{err}"));
    eprintln!(
        "moto started in {:?} at {}",
        started.elapsed(),
        moto.endpoint_url()
    );
    assert!(moto.endpoint_url().starts_with("http://127.0.0.1:"));
    let pid = moto.pid();
    assert!(process_exists(pid));

    let mut client = Client::connect(moto.port());
    let dashboard = client.call("GET", "/moto-api/", &[], b"");
    assert_eq!(dashboard.status, 200);

    assert_eq!(table_names(&moto), r#"{"TableNames": []}"#);
    let created = dynamodb(
        &moto,
        "CreateTable",
        r#"{"TableName": "e2e", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}"#,
    );
    assert_eq!(
        created.status,
        200,
        "{}",
        String::from_utf8_lossy(&created.body)
    );
    assert_eq!(table_names(&moto), r#"{"TableNames": ["e2e"]}"#);
    moto.reset().unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(table_names(&moto), r#"{"TableNames": []}"#);

    let port = moto.port();
    let log = moto.log_path().to_path_buf();
    drop(client);
    drop(moto);
    assert!(
        !process_exists(pid),
        "moto_server {pid} still runs after drop"
    );
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
    assert!(log.exists(), "{} is gone", log.display());
}

#[test]
fn concurrent_starts_get_servers_of_their_own() {
    let servers: Vec<MotoServer> = std::thread::scope(|scope| {
        let starting: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| MotoServer::start().unwrap_or_else(|err| panic!("{err}"))))
            .collect();
        starting
            .into_iter()
            .map(|thread| thread.join().expect("start"))
            .collect()
    });
    assert_ne!(servers[0].port(), servers[1].port());
    assert_ne!(servers[0].pid(), servers[1].pid());
    // Each has its own state.
    let created = dynamodb(
        &servers[0],
        "CreateTable",
        r#"{"TableName": "only-here", "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}"#,
    );
    assert_eq!(created.status, 200);
    assert_eq!(table_names(&servers[0]), r#"{"TableNames": ["only-here"]}"#);
    assert_eq!(table_names(&servers[1]), r#"{"TableNames": []}"#);
}

#[test]
fn moto_is_killed_when_the_test_panics() {
    let pid = std::sync::Mutex::new(None);
    let result = std::panic::catch_unwind(|| {
        let moto = MotoServer::start().unwrap_or_else(|err| panic!("{err}"));
        *pid.lock().unwrap() = Some(moto.pid());
        panic!("the test fails while moto runs");
    });
    assert!(result.is_err());
    let pid = pid.lock().unwrap().expect("moto started");
    assert!(!process_exists(pid), "moto_server {pid} outlived the panic");
}

#[test]
fn scripted_steps_are_served_in_order_over_one_connection() {
    let server = ScriptedServer::start([
        Step::Respond(Response::json(200, r#"{"n":1}"#).header("X-Amzn-RequestId", "one")),
        Step::Respond(Response::new(404).body("not here")),
        Step::Delay(
            Duration::from_millis(200),
            Response::json(503, r#"{"__type":"ThrottlingException"}"#),
        ),
    ])
    .expect("start");
    assert!(server.endpoint_url().starts_with("http://127.0.0.1:"));
    let mut client = Client::connect(server.address().port());

    let first = client.call(
        "POST",
        "/",
        &[("X-Amz-Target", "DynamoDB_20120810.ListTables")],
        b"{}",
    );
    assert_eq!(first.status, 200);
    assert_eq!(first.header("x-amzn-requestid"), Some("one"));
    assert_eq!(first.header("content-type"), Some("application/json"));
    assert_eq!(first.body, br#"{"n":1}"#);

    let second = client.call("GET", "/restapis/a%2Fb?limit=5&position=x", &[], b"");
    assert_eq!(
        (second.status, second.body.as_slice()),
        (404, &b"not here"[..])
    );

    let asked = Instant::now();
    let third = client.call("PUT", "/x", &[], b"payload");
    assert!(asked.elapsed() >= Duration::from_millis(200));
    assert_eq!(third.status, 503);
    assert_eq!(server.steps_left(), 0);

    // The script is over: a further request is refused, loudly.
    let extra = client.call("GET", "/more", &[], b"");
    assert_eq!(extra.status, 500);
    assert!(String::from_utf8_lossy(&extra.body).contains("no step left for GET /more"));

    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    assert_eq!(server.connections(), 1);
    assert!(requests.iter().all(|r| r.connection == 0));
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].path_and_query, "/");
    assert_eq!(
        requests[0].header("x-amz-target"),
        Some("DynamoDB_20120810.ListTables")
    );
    assert_eq!(requests[0].body, b"{}");
    assert_eq!(requests[1].path(), "/restapis/a%2Fb");
    assert_eq!(requests[1].query(), Some("limit=5&position=x"));
    assert!(requests[1].body.is_empty());
    assert_eq!(
        (
            requests[2].method.as_str(),
            requests[2].body_text().as_str()
        ),
        ("PUT", "payload")
    );
}

#[test]
fn a_reset_step_fails_the_client_read() {
    let server =
        ScriptedServer::start([Step::Reset, Step::Respond(Response::new(200).body("after"))])
            .expect("start");
    let mut client = Client::connect(server.address().port());
    client.send("POST", "/", &[], b"lost");
    let err = client.read().expect_err("a reset, not an answer");
    assert_eq!(err.kind(), io::ErrorKind::ConnectionReset, "{err}");
    assert_eq!(server.requests()[0].body, b"lost");

    // A client that reconnects gets the next step on a new connection.
    let mut again = Client::connect(server.address().port());
    assert_eq!(again.call("GET", "/", &[], b"").body, b"after");
    assert_eq!(server.requests()[1].connection, 1);
}

#[test]
fn close_truncated_and_raw_steps_break_the_answer() {
    let server = ScriptedServer::start([
        Step::Close,
        Step::Truncated {
            response: Response::json(200, r#"{"TableNames": ["a", "b"]}"#),
            sent: 10,
        },
        Step::Raw(b"HTTP/1.1 200 OK\r\nContent-Length: nonsense\r\n\r\n{}".to_vec()),
        Step::Respond(Response::json(200, "{not json")),
    ])
    .expect("start");
    let port = server.address().port();

    let mut client = Client::connect(port);
    client.send("GET", "/", &[], b"");
    let err = client.read().expect_err("closed without an answer");
    assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof, "{err}");

    let mut client = Client::connect(port);
    client.send("GET", "/", &[], b"");
    let err = client.read().expect_err("a body cut short");
    assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof, "{err}");

    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read until closed");
    assert_eq!(
        raw,
        b"HTTP/1.1 200 OK\r\nContent-Length: nonsense\r\n\r\n{}"
    );

    let mut client = Client::connect(port);
    assert_eq!(client.call("GET", "/", &[], b"").body, b"{not json");
    assert_eq!(server.requests().len(), 4);
}

#[test]
fn a_delay_outlasts_a_client_timeout() {
    let server = ScriptedServer::start([
        Step::Delay(Duration::from_secs(5), Response::new(200)),
        Step::Respond(Response::new(204)),
    ])
    .expect("start");
    let mut client = Client::connect(server.address().port());
    client
        .reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(200)))
        .expect("read timeout");
    client.send("GET", "/slow", &[], b"");
    let err = client.read().expect_err("timed out");
    assert!(
        matches!(
            err.kind(),
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
        ),
        "{err}"
    );
    assert_eq!(server.requests()[0].path(), "/slow");
}

#[test]
fn dropping_the_scripted_server_closes_it() {
    let server = ScriptedServer::start([Step::Delay(Duration::from_secs(60), Response::new(200))])
        .expect("start");
    let port = server.address().port();
    let mut client = Client::connect(port);
    client.send("GET", "/", &[], b"");
    while server.requests().is_empty() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let started = Instant::now();
    drop(server);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "drop waited for the delay"
    );
    assert!(client.read().is_err(), "the open connection is closed");
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[tokio::test]
async fn the_scripted_server_starts_and_stops_inside_a_tokio_test() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let server = ScriptedServer::start([Step::Respond(
        Response::new(200)
            .header("Connection", "close")
            .body("async"),
    )])
    .expect("start");
    let mut stream = tokio::net::TcpStream::connect(server.address())
        .await
        .expect("connect");
    stream
        .write_all(b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("write");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    assert!(answer.starts_with(b"HTTP/1.1 200 OK\r\n"));
    assert!(answer.ends_with(b"\r\n\r\nasync"));
    drop(server);
}
