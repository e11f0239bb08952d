import FoundationEssentials
import LlamaCloud
import NIOCore
import NIOHTTP1
import TextTools

/// Answers the batch-processing API under `/api/v1/beta/batch-processing` and the v2 Batches API (`V2Router`),
/// checking the API key first.
struct MockResponder: Sendable {
    /// The path prefix of every call.
    static let prefix = ["api", "v1", "beta", "batch-processing"]
    /// Largest cancel body accepted.
    static let maximumBodySize = 64 * 1024

    /// The key requests must present.
    let apiKey: String
    /// The data.
    let store: MockStore
    /// Scripted faults and request counts.
    let faults: FaultInjector

    /// The fault scripted for the next request of this kind, if any (taken: each is shown once).
    func fault(for request: MockRequest) -> MockFault? {
        faults.take(for: Self.call(of: request))
    }

    /// The answer to one request with `fault` (taken by `fault(for:)`) applied; synchronous, called on the
    /// connection's event loop (a `.delay` fault is the caller's to wait out first).
    func respond(to request: MockRequest, fault: MockFault?) -> MockResponse {
        if case .respond(let status, let headers, let body, let contentType)? = fault {
            return MockResponse(status: status, contentType: contentType, body: Data(body.utf8), headers: headers)
        }
        let payload: Payload
        do throws(MockFailure) {
            guard isAuthorized(request) else {
                throw MockFailure(status: 401, detail: "Invalid or missing API key")
            }
            payload = try route(request)
        } catch {
            payload = Self.payload(ErrorBody(detail: error.detail), status: error.status)
        }
        if fault == .resetMidBody { return MockResponse(resettingMidBody: payload.body, status: payload.status) }
        let body = fault == .truncateBody ? payload.body.prefix(payload.body.count / 2) : payload.body
        return MockResponse(status: payload.status, contentType: "application/json", body: body)
    }

    /// The kind of call a request is (for fault targets and counts), judged from the path as sent.
    private static func call(of request: MockRequest) -> MockCall {
        let components = request.target.rawComponents
        if let v2 = V2Router.call(components, method: request.method) { return .v2(v2) }
        guard components.count >= prefix.count, Array(components.prefix(prefix.count)) == prefix else { return .other }
        return MockCall(
            rest: Array(components.dropFirst(prefix.count)), isGet: request.method == .GET, isPost: request.method == .POST)
    }

    /// True when the request carries `Authorization: Bearer <apiKey>`.
    private func isAuthorized(_ request: MockRequest) -> Bool {
        guard let header = request.authorization else { return false }
        let scheme = "bearer "
        guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else { return false }
        let token = header.dropFirst(scheme.count).trimmingWhitespace()
        return !apiKey.isEmpty && token == apiKey
    }

    /// Dispatches on path and method.
    private func route(_ request: MockRequest) throws(MockFailure) -> Payload {
        let components = request.target.components
        if V2Router.owns(components) {
            return try V2Router(store: store, faults: faults).route(
                components, method: request.method, query: V2Query(request.target.query))
        }
        guard components.count >= Self.prefix.count, Array(components.prefix(Self.prefix.count)) == Self.prefix else {
            throw MockFailure(status: 404, detail: "Not Found")
        }
        let rest = Array(components.dropFirst(Self.prefix.count))
        let method = request.method
        let parameters = QueryParameters(request.target.query)
        switch rest.count {
        case 0:
            guard method == .GET else { throw Self.methodNotAllowed }
            let query = try parameters.jobListQuery()
            return Self.payload(store.listJobs(query))
        case 1:
            guard method == .GET else { throw Self.methodNotAllowed }
            return Self.payload(try store.status(of: rest[0]))
        case 2 where rest[1] == "cancel":
            guard method == .POST else { throw Self.methodNotAllowed }
            _ = try cancelReason(request)
            return Self.payload(try store.cancel(rest[0]))
        case 2 where rest[1] == "items":
            guard method == .GET else { throw Self.methodNotAllowed }
            let query = try parameters.itemListQuery()
            return Self.payload(try store.items(of: rest[0], query))
        default:
            throw MockFailure(status: 404, detail: "Not Found")
        }
    }

    /// The optional `reason` of a cancel body; an empty body is fine, malformed JSON is not, more than
    /// `maximumBodySize` bytes is a 413.
    private func cancelReason(_ request: MockRequest) throws(MockFailure) -> String? {
        guard !request.bodyTooLarge else {
            throw MockFailure(status: 413, detail: "Request body too large")
        }
        let bytes = Data(request.body.readableBytesView)
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        do {
            return try JSONDecoder().decode(CancelBody.self, from: bytes).reason
        } catch {
            throw MockFailure(status: 422, detail: "Request body must be a JSON object like {\"reason\": \"...\"}")
        }
    }

    private static let methodNotAllowed = MockFailure(status: 405, detail: "Method Not Allowed")

    /// A status and JSON body, before it becomes a response (so a fault can still cut it).
    struct Payload {
        /// HTTP status code.
        let status: Int
        /// The encoded body.
        let body: Data
    }

    /// A JSON payload; an encoding failure becomes a 500 with a JSON detail.
    static func payload(_ value: some Encodable, status: Int = 200) -> Payload {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let encoded = try? encoder.encode(value) else {
            return Payload(status: 500, body: Data(#"{"detail":"Internal Server Error"}"#.utf8))
        }
        return Payload(status: status, body: encoded)
    }
}

/// The body of an error response.
struct ErrorBody: Codable, Equatable {
    /// What went wrong.
    let detail: String
}

/// The optional body of a cancel request.
struct CancelBody: Decodable {
    /// Why the job is cancelled.
    let reason: String?
}

/// Query parameters, validated the way the API does (422 with a `detail` on a bad value).
struct QueryParameters {
    private let values: [String: String]

    init(_ pairs: [(String, String)]) {
        values = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    /// The list call's query; `organization_id` and `project_id` are accepted and ignored.
    func jobListQuery() throws(MockFailure) -> JobListQuery {
        JobListQuery(
            limit: try integer("limit", default: 100, in: 1...100), offset: try integer("offset", default: 0, in: 0...Int.max),
            status: filter("status"), jobType: filter("job_type"), directoryID: filter("directory_id"))
    }

    /// The items call's query.
    func itemListQuery() throws(MockFailure) -> ItemListQuery {
        ItemListQuery(
            limit: try integer("limit", default: 100, in: 1...100), offset: try integer("offset", default: 0, in: 0...Int.max),
            status: filter("status"))
    }

    /// A filter value; absent or empty means no filter.
    private func filter(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer parameter within `range`, or its default when absent.
    private func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(MockFailure) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            let expectation =
                range.upperBound == Int.max
                ? "an integer greater than or equal to \(range.lowerBound)"
                : "an integer between \(range.lowerBound) and \(range.upperBound)"
            throw MockFailure(status: 422, detail: "Query parameter '\(name)' must be \(expectation), got '\(text)'")
        }
        return value
    }
}
