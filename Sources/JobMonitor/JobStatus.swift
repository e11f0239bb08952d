/// A job's lifecycle state, independent of any wire format. Values the client does not know are kept verbatim.
public enum JobStatus: Sendable, Hashable, CustomStringConvertible {
    /// Accepted, not started.
    case pending
    /// Processing items.
    case running
    /// Handed to workers.
    case dispatched
    /// Work is held back by the service (v2 batches): waiting for capacity, not stuck.
    case throttled
    /// Finished successfully.
    case completed
    /// Finished with an error.
    case failed
    /// Stopped by a user.
    case cancelled
    /// A status this client has never seen, exactly as the server sent it.
    case other(String)

    /// Maps the server's string (case-insensitively) to a status.
    ///
    /// The server sends lower case: the word is matched as sent first and lowercased only when that fails, since
    /// `lowercased()` builds a new string (2 % of a poll cycle in which 10,000 jobs changed, callgrind).
    public init(raw: String) {
        self = Self.known(raw) ?? Self.known(raw.lowercased()) ?? .other(raw)
    }

    /// The known status spelled `word` in lower case, if any.
    private static func known(_ word: String) -> JobStatus? {
        switch word {
        case "pending": return .pending
        case "running": return .running
        case "dispatched": return .dispatched
        case "throttled": return .throttled
        case "completed": return .completed
        case "failed": return .failed
        case "cancelled", "canceled": return .cancelled
        default: return nil
        }
    }

    /// The status as a word, e.g. `running`, or the server's raw string for unknown values.
    public var description: String {
        switch self {
        case .pending: return "pending"
        case .running: return "running"
        case .dispatched: return "dispatched"
        case .throttled: return "throttled"
        case .completed: return "completed"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        case .other(let raw): return raw
        }
    }

    /// True for `completed`, `failed` and `cancelled`: the job will not change again.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .cancelled: return true
        case .pending, .running, .dispatched, .throttled, .other: return false
        }
    }

    /// The status in one byte, as `Job` stores it: 0–6 for the known statuses, `otherCode` for `other` (whose word
    /// `Job` keeps elsewhere). A `JobStatus` takes 16 bytes (the word of `other` inline).
    var code: UInt8 {
        switch self {
        case .pending: return 0
        case .running: return 1
        case .dispatched: return 2
        case .throttled: return 3
        case .completed: return 4
        case .failed: return 5
        case .cancelled: return 6
        case .other: return Self.otherCode
        }
    }

    /// True when the status stored as `code` is terminal (an `other` status never is).
    @inlinable static func isTerminal(code: UInt8) -> Bool {
        JobStatus(code: code)?.isTerminal ?? false
    }

    /// The `code` of every `other` status.
    static let otherCode: UInt8 = 7

    /// The known status with this `code`; nil for `otherCode` (and anything larger).
    @inlinable init?(code: UInt8) {
        switch code {
        case 0: self = .pending
        case 1: self = .running
        case 2: self = .dispatched
        case 3: self = .throttled
        case 4: self = .completed
        case 5: self = .failed
        case 6: self = .cancelled
        default: return nil
        }
    }

    /// The statuses the API documents, in lifecycle order (for header counts).
    public static let known: [JobStatus] = [.running, .dispatched, .throttled, .pending, .completed, .failed, .cancelled]
}

/// The kind of processing a job does. Values the client does not know are kept verbatim.
public enum JobType: Sendable, Hashable, CustomStringConvertible {
    /// Document parsing.
    case parse
    /// Structured extraction.
    case extract
    /// Classification.
    case classify
    /// A type this client has never seen, exactly as the server sent it.
    case other(String)

    /// Maps the server's string (case-insensitively) to a type; matched as sent first, like `JobStatus(raw:)`.
    public init(raw: String) {
        self = Self.known(raw) ?? Self.known(raw.lowercased()) ?? .other(raw)
    }

    /// The known type spelled `word` in lower case, if any.
    private static func known(_ word: String) -> JobType? {
        switch word {
        case "parse": return .parse
        case "extract": return .extract
        case "classify": return .classify
        default: return nil
        }
    }

    /// The type as a word.
    public var description: String {
        switch self {
        case .parse: return "parse"
        case .extract: return "extract"
        case .classify: return "classify"
        case .other(let raw): return raw
        }
    }
}
