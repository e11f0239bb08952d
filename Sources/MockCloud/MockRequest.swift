import NIOCore
import NIOHTTP1

/// One HTTP request as the responder sees it: method, target, key header and the body read so far.
struct MockRequest: Sendable {
    /// The request method.
    let method: HTTPMethod
    /// The path and query.
    let target: RequestTarget
    /// The first `Authorization` header, if any.
    let authorization: String?
    /// The body (at most `MockResponder.maximumBodySize` bytes; empty when there was none or it was too large).
    let body: ByteBuffer
    /// True when the body was larger than `MockResponder.maximumBodySize` (it was read and dropped).
    let bodyTooLarge: Bool

    /// Creates a request from its head and body.
    init(head: HTTPRequestHead, body: ByteBuffer, bodyTooLarge: Bool) {
        method = head.method
        target = RequestTarget(head.uri)
        authorization = head.headers.first(name: "authorization")
        self.body = body
        self.bodyTooLarge = bodyTooLarge
    }
}
