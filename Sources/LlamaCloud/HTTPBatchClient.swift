import AsyncHTTPClient
import Dispatch
import FoundationEssentials
import NIOCore
import NIOHTTP1

/// The production `BatchAPI`: AsyncHTTPClient against a LlamaCloud-compatible server.
/// Call `shutdown()` once when done with it.
public final class HTTPBatchClient: BatchAPI {
    /// Largest response body accepted; anything bigger is reported as undecodable rather than filling memory.
    static let maximumBodyBytes = 32 * 1024 * 1024

    private let configuration: APIConfiguration
    private let client: HTTPClient
    private let recorder: (any RequestRecorder)?
    /// v2 list routes that refused the `page_size` asked for (400/422): asked without it from then on.
    let pageSizeRefused = Locked<Set<String>>([])

    /// Creates a client with its own connection pool; `recorder` (e.g. `--log-file`) hears of every request.
    public init(configuration: APIConfiguration, recorder: (any RequestRecorder)? = nil) {
        self.configuration = configuration
        self.recorder = recorder
        let seconds = Int64(max(1, configuration.timeout.rounded(.up)))
        var clientConfiguration = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(min(seconds, 10)), read: .seconds(seconds)),
            decompression: .enabled(limit: .ratio(50))
        )
        // A refused connection should fail now and be retried by the poller, not retried here until the deadline.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }

    /// Closes the connection pool.
    public func shutdown() async {
        try? await client.shutdown()
    }

    /// One page of jobs: `GET /api/v1/beta/batch-processing`.
    public func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        try await send(
            .GET, path: "",
            query: [
                ("limit", String(query.limit)), ("offset", String(query.offset)), ("status", query.status),
                ("job_type", query.jobType), ("directory_id", query.directoryID),
            ])
    }

    /// One job's status: `GET /api/v1/beta/batch-processing/{job_id}`.
    public func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        try await send(.GET, path: "/" + APIConfiguration.encode(id), query: [])
    }

    /// Cancels a job: `POST /api/v1/beta/batch-processing/{job_id}/cancel`.
    public func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        var body: [String: String] = [:]
        if let reason { body["reason"] = reason }
        let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
        return try await send(.POST, path: "/" + APIConfiguration.encode(id) + "/cancel", query: [], body: data)
    }

    /// One page of a job's items: `GET /api/v1/beta/batch-processing/{job_id}/items`.
    public func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        try await send(
            .GET, path: "/" + APIConfiguration.encode(id) + "/items",
            query: [("limit", String(query.limit)), ("offset", String(query.offset)), ("status", query.status)])
    }

    /// Sends one request and decodes a 2xx body as `Response`; maps every failure to a `BatchAPIError` without the key.
    func send<Response: Decodable>(
        _ method: HTTPMethod, prefix: String = APIConfiguration.batchPath, path: String, query: [(String, String?)],
        body: Data? = nil
    ) async throws(BatchAPIError) -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        func record(status: Int?, failure: BatchAPIError?) {
            guard let recorder else { return }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds &- started) / 1e9
            let url = URLComponents(string: configuration.url(path: path, query: query, prefix: prefix))
            let logged = (url?.percentEncodedPath ?? path) + (url?.percentEncodedQuery.map { "?" + Self.abridged($0) } ?? "")
            recorder.requestFinished(
                method: method.rawValue, path: logged, status: status, seconds: seconds, failure: failure?.description)
        }
        do {
            let response: Response = try await perform(method, url: configuration.url(path: path, query: query, prefix: prefix), body: body)
            record(status: 200, failure: nil)
            return response
        } catch let error as BatchAPIError {
            let redacted = error.redacting(configuration.apiKey)
            record(status: redacted.httpStatus, failure: redacted)
            throw redacted
        } catch {
            let redacted = Self.classify(error).redacting(configuration.apiKey)
            record(status: redacted.httpStatus, failure: redacted)
            throw redacted
        }
    }

    private func perform<Response: Decodable>(_ method: HTTPMethod, url: String, body: Data?) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.apiKey)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "batchtop/0.1")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(configuration.timeout * 1000))
        let response = try await client.execute(request, deadline: deadline)
        let bytes: ByteBuffer
        do {
            bytes = try await response.body.collect(upTo: Self.maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw BatchAPIError.undecodable("response body larger than \(Self.maximumBodyBytes / 1_048_576) MiB")
        }
        let data = Data(bytes.readableBytesView)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            throw Self.error(
                status: status, body: data, retryAfterMs: response.headers.first(name: "retry-after-ms"),
                retryAfter: response.headers.first(name: "retry-after"),
                shouldRetry: response.headers.first(name: "x-should-retry"))
        }
        do {
            return try Self.decode(Response.self, from: data)
        } catch {
            throw BatchAPIError.undecodable(Self.describe(decodingError: error, body: data))
        }
    }

    /// Decodes a 2xx body: job list pages through `JobPageDecoder` (same results and errors, several times faster),
    /// everything else with `JSONDecoder`.
    static func decode<Response: Decodable>(_ type: Response.Type, from data: Data) throws -> Response {
        if type == JobListPage.self, let page = try JobPageDecoder.decode(data) as? Response { return page }
        return try JSONDecoder().decode(type, from: data)
    }

    /// A query string for the log: a list-valued parameter repeated more than twice (`job_ids`) is shown as its first
    /// value and a count, so a bulk call logs one short line instead of a hundred IDs.
    static func abridged(_ query: String) -> String {
        let parts = query.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
        var counts: [String: Int] = [:]
        for part in parts { counts[String(part.prefix { $0 != "=" }), default: 0] += 1 }
        var shown: Set<String> = []
        var kept: [String] = []
        for part in parts {
            let name = String(part.prefix { $0 != "=" })
            guard let count = counts[name], count > 2 else {
                kept.append(part)
                continue
            }
            if shown.insert(name).inserted { kept.append(part + "&\(name)=…(\(count) in all)") }
        }
        return kept.joined(separator: "&")
    }

    /// Maps a non-2xx status, its body and its retry headers to a typed error. `x-should-retry` is kept for the
    /// statuses a retry policy may act on (429, 5xx, others such as 408/409); 401, 403 and 404 are final answers.
    static func error(
        status: Int, body: Data, retryAfterMs: String?, retryAfter: String?, shouldRetry: String? = nil,
        now: Date = Date()
    ) -> BatchAPIError {
        let detail = ErrorDetail.extract(from: body)
        let wait = RetryAfter.seconds(retryAfterMs: retryAfterMs, retryAfter: retryAfter, now: now)
        let hint = RetryAfter.shouldRetry(header: shouldRetry)
        switch status {
        case 401: return .unauthorized(detail: detail)
        case 403: return .forbidden(detail: detail)
        case 404: return .notFound(detail: detail)
        case 429: return .rateLimited(retryAfter: wait, detail: detail, shouldRetry: hint)
        case 500...599: return .server(status: status, detail: detail, retryAfter: wait, shouldRetry: hint)
        default: return .http(status: status, detail: detail, retryAfter: wait, shouldRetry: hint)
        }
    }

    /// Maps a thrown transport error to a typed error.
    static func classify(_ error: any Error) -> BatchAPIError {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout, .getConnectionFromPoolTimeout,
                .tlsHandshakeTimeout:
                return .timeout
            case .invalidURL, .emptyHost, .emptyScheme:
                return .invalidRequest("the base URL is not a valid http(s) URL")
            default:
                return .transport(plainTransportMessage(String(describing: clientError)))
            }
        }
        if error is CancellationError { return .transport("cancelled") }
        return .transport(plainTransportMessage(String(describing: error)))
    }

    /// A short, plain account of a socket-level failure (NIO's descriptions carry errno details and nesting).
    static func plainTransportMessage(_ description: String) -> String {
        let lowered = description.lowercased()
        let known: [(String, String)] = [
            ("connection refused", "connection refused (is the server running at the base URL?)"),
            ("connection reset", "connection reset by the server"),
            ("network is unreachable", "network is unreachable"),
            ("no route to host", "no route to host"),
            ("getaddrinfo", "host name not found"),
            ("nodename nor servname", "host name not found"),
            ("name or service not known", "host name not found"),
            ("certificate", "TLS certificate problem"),
            ("handshake", "TLS handshake failed"),
            ("remoteconnectionclosed", "the server closed the connection"),
        ]
        if let match = known.first(where: { lowered.contains($0.0) }) { return match.1 }
        return description.count <= 120 ? description : String(description.prefix(120)) + "…"
    }

    /// A short account of why a body did not decode: the failing field, or that it was not JSON at all.
    static func describe(decodingError: any Error, body: Data) -> String {
        if body.isEmpty { return "empty body" }
        switch decodingError {
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not valid JSON (\(body.count) bytes)"
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return "unexpected value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default:
            return "could not decode (\(body.count) bytes)"
        }
    }
}
