import FoundationEssentials

/// A misbehaviour the mock server can be scripted to show instead of (or on top of) a normal answer.
public enum MockFault: Sendable, Equatable {
    /// Answer with this status, these headers and this body instead of serving the request.
    case respond(status: Int, headers: [String: String] = [:], body: String = "", contentType: String = "application/json")
    /// Serve the request, but send only the first half of the JSON body (a 200 whose body does not parse).
    case truncateBody
    /// Wait this many seconds, then serve the request normally (past the client's timeout if long enough).
    case delay(seconds: Double)
    /// Serve the request with its full `Content-Length`, send half the body, then drop the connection (a reset
    /// mid-body, as a crashing proxy or a lost network does).
    case resetMidBody

    /// A 429 with `Retry-After: <seconds>` and a JSON detail.
    public static func rateLimited(retryAfter seconds: Int) -> MockFault {
        .respond(status: 429, headers: ["Retry-After": String(seconds)], body: #"{"detail":"Too many requests"}"#)
    }

    /// A 429 with `retry-after-ms: <milliseconds>` and a JSON detail.
    public static func rateLimited(retryAfterMilliseconds milliseconds: Int) -> MockFault {
        .respond(status: 429, headers: ["retry-after-ms": String(milliseconds)], body: #"{"detail":"Too many requests"}"#)
    }

    /// An error page from a proxy: HTML, not JSON (by default a 503).
    public static func htmlError(status: Int = 503) -> MockFault {
        .respond(
            status: status,
            body: "<html><head><title>\(status) Service Temporarily Unavailable</title></head>"
                + "<body><h1>Service Temporarily Unavailable</h1></body></html>",
            contentType: "text/html")
    }
}

/// Which requests a scripted fault applies to.
public enum MockFaultTarget: Sendable, Equatable {
    /// Any request.
    case any
    /// The list call.
    case list
    /// A job's status call.
    case status
    /// One kind of v2 call.
    case v2(MockV2Call)
}

/// The kinds of v2 Batches API calls (and the directory calls they need), for counts and fault targets.
public enum MockV2Call: String, Sendable, Hashable, CaseIterable {
    case listBatches, getBatch, cancelBatch, listParseJobs, listExtractJobs, getParseJob, getExtractJob, getDirectory,
        listDirectoryFiles
}

/// How many API requests the mock server received, by call.
public struct MockRequestCounts: Sendable, Equatable {
    /// List calls.
    public var list = 0
    /// Status calls.
    public var status = 0
    /// Cancel calls.
    public var cancel = 0
    /// Items calls.
    public var items = 0
    /// Anything else (unknown paths).
    public var other = 0
    /// v2 calls by kind (kinds never called are absent; read them with the subscript).
    public var v2: [MockV2Call: Int] = [:]
    /// `job_ids` values asked for, summed over all bulk parse and extract list calls.
    public var jobIDsAsked = 0
    /// The most `job_ids` values one bulk call asked for.
    public var mostJobIDsInOneCall = 0

    /// The number of v2 calls of one kind.
    public subscript(call: MockV2Call) -> Int { v2[call] ?? 0 }

    /// All v2 calls.
    public var v2Total: Int { v2.values.reduce(0, +) }

    /// Creates counts (all zero by default).
    public init(list: Int = 0, status: Int = 0, cancel: Int = 0, items: Int = 0, other: Int = 0) {
        self.list = list
        self.status = status
        self.cancel = cancel
        self.items = items
        self.other = other
    }

    /// All requests.
    public var total: Int { list + status + cancel + items + other + v2Total }
}
