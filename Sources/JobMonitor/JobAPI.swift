/// Which LlamaCloud API a job came from: the beta batch-processing jobs (`bjb-…`) or the v2 batches (`bat-…`).
public enum JobAPI: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `/api/v1/beta/batch-processing`.
    case v1
    /// `/api/v2/batches`.
    case v2

    /// `v1` or `v2`.
    public var description: String { rawValue }

    /// The API an explicit job ID belongs to, judged by its prefix (`bjb-` v1, `bat-` v2); nil: could be either.
    public static func owning(id: String) -> JobAPI? {
        if id.hasPrefix("bjb-") { return .v1 }
        if id.hasPrefix("bat-") { return .v2 }
        return nil
    }
}
