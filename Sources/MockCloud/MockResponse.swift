import FoundationEssentials

/// One answer of the mock server before it goes on the wire: status, headers, body and how the body ends.
struct MockResponse: Sendable {
    /// How the body reaches the client.
    enum Ending: Sendable, Equatable {
        /// The whole body, announced by its `Content-Length`.
        case complete
        /// `Content-Length` announces more than `body` holds; the connection closes once `body` is sent (a reset
        /// mid-body).
        case closeAfterBody
    }

    /// HTTP status code.
    let status: Int
    /// The `Content-Type`.
    let contentType: String
    /// Extra headers (an injected fault's), written in name order after `Content-Type`.
    let headers: [(name: String, value: String)]
    /// The bytes sent.
    let body: Data
    /// The length `Content-Length` announces.
    let announcedLength: Int
    /// How the body ends.
    let ending: Ending

    /// A response with exactly this body, content type and extra headers.
    init(status: Int, contentType: String, body: Data, headers: [String: String] = [:]) {
        self.status = status
        self.contentType = contentType
        self.headers = headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        self.body = body
        announcedLength = body.count
        ending = .complete
    }

    /// A JSON response that announces the whole of `body`, sends its first half, then closes the connection.
    init(resettingMidBody body: Data, status: Int) {
        self.status = status
        contentType = "application/json"
        headers = []
        self.body = body.prefix(body.count / 2)
        announcedLength = body.count
        ending = .closeAfterBody
    }
}
