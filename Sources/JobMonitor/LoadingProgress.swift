/// How much of the first listing has arrived, while it is still paging in.
public struct LoadingProgress: Sendable, Equatable {
    /// Jobs that arrived so far.
    public var loaded: Int
    /// Jobs the server says the listing holds (its `total_size`), when it said.
    public var total: Int?

    /// Creates a progress value.
    public init(loaded: Int, total: Int?) {
        self.loaded = loaded
        self.total = total
    }
}
