#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import LlamaCloud
import TextTools

/// `--log-file PATH`: one line per request (method, path, status, duration), retry, state transition and error, for
/// diagnosis after the fact. Never the key or headers. The file is created `0600`; when it passes `maximumBytes` it
/// is renamed to `PATH.1` (replacing an older one) and a new file is started, so at most twice the cap is kept.
public final class LogFile: RequestRecorder, @unchecked Sendable {
    /// Why the log file cannot be used, with the path.
    public struct OpenError: Error, CustomStringConvertible {
        /// A message for standard error.
        public let description: String
    }

    /// The path written to.
    public let path: String
    /// Size at which the file is rotated.
    public let maximumBytes: Int
    private let lock = ThreadLock()
    private var descriptor: Int32
    private var size: Int
    private let now: @Sendable () -> Date

    /// Opens (creating, mode 0600) `path` for appending; throws a message saying what is wrong.
    public init(path: String, maximumBytes: Int = 5 * 1024 * 1024, now: @escaping @Sendable () -> Date = Date.init) throws(OpenError) {
        self.path = path
        self.maximumBytes = max(1024, maximumBytes)
        self.now = now
        (descriptor, size) = try Self.open(path)
    }

    deinit { close(descriptor) }

    /// Appends one line (a timestamp is put in front; line breaks inside become spaces).
    public func write(_ line: String) {
        let text = Self.timestamp(now()) + " " + line.replacing("\n", with: " ") + "\n"
        let bytes = text.utf8.count
        lock.lock()
        defer { lock.unlock() }
        if size + bytes > maximumBytes { rotate() }
        if descriptor >= 0, TextOutput.write(text, to: descriptor) { size += bytes }
    }

    /// Records a finished request: `request GET /api/…?limit=100 200 45ms` (or the error instead of a status).
    public func requestFinished(method: String, path: String, status: Int?, seconds: TimeInterval, failure: String?) {
        let milliseconds = Int((max(0, min(seconds, 1e6)) * 1000).rounded())
        let outcome = [status.map(String.init), failure].compactMap { $0 }.joined(separator: " ")
        write("request \(method) \(path) \(outcome.isEmpty ? "-" : outcome) \(milliseconds)ms")
    }

    /// Records a retry: `retry 1 in 0.5s after server error 503`.
    public func retrying(attempt: Int, seconds: TimeInterval, after failure: String) {
        write("retry \(attempt) in \(String(cFormat: "%.1f", max(0, min(seconds, 1e6))))s after \(failure)")
    }

    /// Moves the full file to `PATH.1` and starts an empty one.
    private func rotate() {
        close(descriptor)
        let old = path + ".1"
        try? FileManager.default.removeItem(atPath: old)
        try? FileManager.default.moveItem(atPath: path, toPath: old)
        if let reopened = try? Self.open(path) {
            (descriptor, size) = reopened
        } else {
            descriptor = -1
            size = 0
        }
    }

    /// The descriptor of `path` opened for appending (created 0600) and its size.
    private static func open(_ path: String) throws(OpenError) -> (Int32, Int) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw OpenError(description: "batchtop: cannot open the log file '\(path)': \(String(cString: strerror(errno)))")
        }
        return (descriptor, Int(max(0, lseek(descriptor, 0, SEEK_END))))
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
