import FoundationEssentials
import TextTools

/// What can go wrong talking to the API. Messages never contain the API key.
public enum BatchAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 401: the key is missing, wrong or revoked.
    case unauthorized(detail: String?)
    /// 403: the key may not read this project or organization.
    case forbidden(detail: String?)
    /// 404: no such job (or path).
    case notFound(detail: String?)
    /// 429: too many requests; the server's advised wait and its `x-should-retry` verdict, if it gave them.
    case rateLimited(retryAfter: TimeInterval?, detail: String?, shouldRetry: Bool? = nil)
    /// 5xx: the server failed; the advised wait (`Retry-After`) and `x-should-retry` verdict, if given.
    case server(status: Int, detail: String?, retryAfter: TimeInterval? = nil, shouldRetry: Bool? = nil)
    /// Any other non-2xx status (408 and 409 among them); the advised wait and `x-should-retry` verdict, if given.
    case http(status: Int, detail: String?, retryAfter: TimeInterval? = nil, shouldRetry: Bool? = nil)
    /// The request did not complete in time.
    case timeout
    /// The connection failed (refused, reset, DNS, TLS).
    case transport(String)
    /// A 2xx response whose body is not the JSON expected.
    case undecodable(String)
    /// The request could not be built (e.g. a malformed base URL).
    case invalidRequest(String)

    /// The HTTP status behind the error, when there was one.
    public var httpStatus: Int? {
        switch self {
        case .unauthorized: return 401
        case .forbidden: return 403
        case .notFound: return 404
        case .rateLimited: return 429
        case .server(let status, _, _, _), .http(let status, _, _, _): return status
        case .timeout, .transport, .undecodable, .invalidRequest: return nil
        }
    }

    /// The wait the server advised (`retry-after-ms` / `Retry-After`), in seconds, when it gave one.
    public var retryAfter: TimeInterval? {
        switch self {
        case .rateLimited(let retryAfter, _, _), .server(_, _, let retryAfter, _), .http(_, _, let retryAfter, _):
            return retryAfter
        default: return nil
        }
    }

    /// The server's `x-should-retry` header: true or false when it said, nil when it did not.
    public var shouldRetryHint: Bool? {
        switch self {
        case .rateLimited(_, _, let hint), .server(_, _, _, let hint), .http(_, _, _, let hint): return hint
        default: return nil
        }
    }

    /// True for a 429: the server wants the client to slow down.
    public var isRateLimited: Bool {
        if case .rateLimited = self { return true }
        return false
    }

    /// True for errors that no retry will fix without the user changing the key or its permissions.
    public var isAuthenticationFailure: Bool {
        switch self {
        case .unauthorized, .forbidden: return true
        default: return false
        }
    }

    /// A one-line, human-readable description.
    public var description: String {
        switch self {
        case .unauthorized(let detail):
            return "401 unauthorized: the API key was rejected" + Self.suffix(detail)
        case .forbidden(let detail):
            return "403 forbidden: the key may not access this project" + Self.suffix(detail)
        case .notFound(let detail):
            return "404 not found" + Self.suffix(detail)
        case .rateLimited(let retryAfter, let detail, _):
            let wait = retryAfter.map { String(cFormat: ", retry after %.0f s", $0) } ?? ""
            return "429 rate limited" + wait + Self.suffix(detail)
        case .server(let status, let detail, _, _):
            return "server error \(status)" + Self.suffix(detail)
        case .http(let status, let detail, _, _):
            return "HTTP \(status)" + Self.suffix(detail)
        case .timeout:
            return "request timed out"
        case .transport(let message):
            return "connection failed: \(message)"
        case .undecodable(let message):
            return "unexpected response body: \(message)"
        case .invalidRequest(let message):
            return "invalid request: \(message)"
        }
    }

    /// The same error with every occurrence of `secret` replaced, so a server echoing the key cannot leak it.
    public func redacting(_ secret: String) -> BatchAPIError {
        guard !secret.isEmpty else { return self }
        func clean(_ text: String?) -> String? { text.map { $0.replacing(secret, with: "[redacted]") } }
        switch self {
        case .unauthorized(let detail): return .unauthorized(detail: clean(detail))
        case .forbidden(let detail): return .forbidden(detail: clean(detail))
        case .notFound(let detail): return .notFound(detail: clean(detail))
        case .rateLimited(let retryAfter, let detail, let hint):
            return .rateLimited(retryAfter: retryAfter, detail: clean(detail), shouldRetry: hint)
        case .server(let status, let detail, let retryAfter, let hint):
            return .server(status: status, detail: clean(detail), retryAfter: retryAfter, shouldRetry: hint)
        case .http(let status, let detail, let retryAfter, let hint):
            return .http(status: status, detail: clean(detail), retryAfter: retryAfter, shouldRetry: hint)
        case .timeout: return .timeout
        case .transport(let message): return .transport(clean(message) ?? "")
        case .undecodable(let message): return .undecodable(clean(message) ?? "")
        case .invalidRequest(let message): return .invalidRequest(clean(message) ?? "")
        }
    }

    private static func suffix(_ detail: String?) -> String {
        guard let detail, !detail.isEmpty else { return "" }
        return ": " + detail
    }
}
