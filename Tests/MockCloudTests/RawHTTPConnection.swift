import NIOCore
import NIOPosix
import Testing

/// One response as read off the wire.
struct RawResponse {
    /// The status code from the status line.
    let status: Int
    /// Header names lower-cased, values as sent.
    let headers: [String: String]
    /// The body bytes that arrived (fewer than `Content-Length` when the connection closed early).
    let body: [UInt8]
    /// True when the connection closed before `Content-Length` bytes of body arrived.
    let cutShort: Bool

    /// The `Content-Length` header.
    var contentLength: Int? { headers["content-length"].flatMap { Int($0) } }
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A plain TCP connection to the mock server that writes raw request bytes and reads responses by hand, so tests
/// see exactly what went over the wire (keep-alive, pipelining, early closes).
final class RawHTTPConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []
    /// True once the server closed the connection.
    private(set) var closed = false

    private init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
    }

    /// Connects to `127.0.0.1:port`, runs `body` with the connection and closes it afterwards.
    static func with<T: Sendable>(port: Int, _ body: (RawHTTPConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawHTTPConnection(inbound: inbound, outbound: outbound))
        }
    }

    /// Writes raw bytes.
    func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Writes a GET request for `path` with the test key; `extra` header lines are added as given.
    func get(_ path: String, extra: [String] = []) async throws {
        try await write(Self.request("GET", path, extra: extra))
    }

    /// The text of a request with the test key and an optional body.
    static func request(_ method: String, _ path: String, body: String? = nil, extra: [String] = []) -> String {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1", "Authorization: Bearer \(testKey)"] + extra
        if let body { lines.append("Content-Length: \(body.utf8.count)") }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + (body ?? "")
    }

    /// Reads until the server closes the connection and returns what arrived (the suites' time limit bounds the wait).
    func readToClose() async throws -> [UInt8] {
        while try await fill() {}
        defer { pending = [] }
        return pending
    }

    /// Reads one response; nil when the connection closed before a whole head arrived (the suites' time limit
    /// bounds the wait).
    func readResponse() async throws -> RawResponse? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            if let end = firstRange(of: separator) {
                headEnd = end
                break
            }
            guard try await fill() else { return nil }
        }
        guard let headEnd else { return nil }
        let head = String(decoding: pending[..<headEnd], as: UTF8.self)
        pending.removeFirst(headEnd + separator.count)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst().split(separator: " ")
        let status = statusLine.count > 1 ? Int(statusLine[1]) ?? -1 : -1
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            headers[line[..<colon].lowercased()] = String(value)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while pending.count < length {
            guard try await fill() else { break }
        }
        let taken = min(length, pending.count)
        let body = Array(pending[..<taken])
        pending.removeFirst(taken)
        return RawResponse(status: status, headers: headers, body: body, cutShort: taken < length)
    }

    /// Appends the next bytes that arrive to `pending`; false when the connection is closed.
    private func fill() async throws -> Bool {
        guard !closed else { return false }
        do {
            guard let buffer = try await inbound.next() else {
                closed = true
                return false
            }
            pending += buffer.readableBytesView
            return true
        } catch {
            closed = true
            return false
        }
    }

    private func firstRange(of separator: [UInt8]) -> Int? {
        guard pending.count >= separator.count else { return nil }
        for start in 0...(pending.count - separator.count) where pending[start..<start + separator.count].elementsEqual(separator) {
            return start
        }
        return nil
    }
}
