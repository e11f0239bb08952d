import FoundationEssentials

/// Receives one record per HTTP request and per retry, for a diagnostic log. Records never hold the key or headers.
public protocol RequestRecorder: Sendable {
    /// A request finished: `status` is the HTTP status when one arrived, `failure` the error's text (key redacted).
    func requestFinished(method: String, path: String, status: Int?, seconds: TimeInterval, failure: String?)
    /// A failed call will be retried after `seconds` (retry number `attempt`, from 1).
    func retrying(attempt: Int, seconds: TimeInterval, after failure: String)
}
