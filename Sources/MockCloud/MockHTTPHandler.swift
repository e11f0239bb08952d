import NIOCore
import NIOHTTP1

/// Serves one connection: gathers each request (the pipelining handler before it holds the next one back until
/// this one is answered), lets `MockResponder` answer it off the event loop and writes the answer back on it.
final class MockHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Answers the requests.
    private let responder: MockResponder
    /// The head of the request being read.
    private var head: HTTPRequestHead?
    /// Its body so far.
    private var body: ByteBuffer?
    /// True once its body went past `MockResponder.maximumBodySize` (the rest is read and dropped).
    private var bodyTooLarge = false

    /// Creates the handler of one connection.
    init(responder: MockResponder) {
        self.responder = responder
    }

    /// Gathers the parts of a request and answers it when its end arrives.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = nil
            bodyTooLarge = false
        case .body(var chunk):
            guard !bodyTooLarge else { return }
            guard (body?.readableBytes ?? 0) + chunk.readableBytes <= MockResponder.maximumBodySize else {
                bodyTooLarge = true
                body = nil
                return
            }
            body.setOrWriteBuffer(&chunk)
        case .end:
            guard let head else { return }
            let request = MockRequest(
                head: head, body: body ?? context.channel.allocator.buffer(capacity: 0), bodyTooLarge: bodyTooLarge)
            self.head = nil
            body = nil
            answer(request, version: head.version, keepAlive: head.isKeepAlive, context: context)
        }
    }

    /// Answers `request` here on the event loop (after the wait of a `.delay` fault, scheduled on it): never through
    /// the Swift concurrency pool, which a busy process may hold past the client's timeout (see `MockStore`).
    private func answer(_ request: MockRequest, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        let fault = responder.fault(for: request)
        guard case .delay(let seconds)? = fault else {
            write(responder.respond(to: request, fault: fault), version: version, keepAlive: keepAlive, context: context)
            return
        }
        let wait = TimeAmount.nanoseconds(Int64(min(86_400, max(0, seconds.isFinite ? seconds : 0)) * 1e9))
        context.eventLoop.assumeIsolated().scheduleTask(in: wait) {
            self.write(self.responder.respond(to: request, fault: nil), version: version, keepAlive: keepAlive, context: context)
        }
    }

    /// Writes a response; closes the connection after it when the client did not keep it alive, or mid-body when
    /// the response says so.
    private func write(_ response: MockResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        let head = HTTPResponseHead(
            version: version, status: HTTPResponseStatus(statusCode: response.status),
            headers: Self.headers(of: response, version: version, keepAlive: keepAlive))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        let buffer = context.channel.allocator.buffer(bytes: response.body)
        switch response.ending {
        case .closeAfterBody:
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer)))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .complete:
            if buffer.readableBytes > 0 { context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil) }
            let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive {
                written.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
            }
        }
    }

    /// The response headers: `Content-Type`, the extra headers (those safe to write and not about framing),
    /// `Content-Length`, and `Connection` when it is not the version's default.
    private static func headers(of response: MockResponse, version: HTTPVersion, keepAlive: Bool) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: response.contentType)
        for (name, value) in response.headers where HeaderValidation.isWritable(name: name, value: value) {
            headers.replaceOrAdd(name: name, value: value)
        }
        headers.add(name: "content-length", value: String(response.announcedLength))
        guard response.ending == .complete else { return headers }
        if !keepAlive {
            headers.add(name: "connection", value: "close")
        } else if version.major == 1 && version.minor == 0 {
            headers.add(name: "connection", value: "keep-alive")
        }
        return headers
    }

    /// Closes the connection on an error (a malformed request was already answered by the error handler before it).
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
