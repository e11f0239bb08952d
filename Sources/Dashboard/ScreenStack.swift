/// The layers of the UI as one value, bottom to top: the table is always the base; above it the filter input
/// (typing the table's filter) or the detail screen of one job; on top of either, at most one overlay (the help
/// or the cancel confirmation). Keys go to `top` only; rendering draws the layers bottom to top.
///
/// `push` refuses a layer that cannot sit on the current top, so the stack always has this shape:
/// `table [filterInput | detail] [help | confirmCancel]`. In particular there is at most one detail layer, the
/// filter input edits the table (never the detail), overlays never stack on overlays, and the table cannot be
/// popped.
public struct ScreenStack: Sendable, Equatable {
    /// One layer of the UI.
    public enum Layer: Sendable, Equatable {
        /// The job table: the base, always at the bottom and never pushed or popped.
        case table
        /// Typing the table's filter (the footer becomes the input line; the table shows the matches live).
        case filterInput
        /// The detail screen of one job, over the table it was opened from.
        case detail(DetailState)
        /// The yes/no question before cancelling a job, over the screen it was asked from.
        case confirmCancel(jobID: String)
        /// The key help, over whatever is below; any key closes it.
        case help

        /// True for layers that cover the whole terminal (the table and the detail), hiding everything below.
        public var coversScreen: Bool {
            switch self {
            case .table, .detail: return true
            case .filterInput, .confirmCancel, .help: return false
            }
        }

        /// True for the overlays (help, cancel confirmation), which sit on top and take every key.
        public var isOverlay: Bool {
            switch self {
            case .confirmCancel, .help: return true
            case .table, .filterInput, .detail: return false
            }
        }
    }

    /// Every layer, bottom to top; the first is always `.table`.
    public private(set) var layers: [Layer]

    /// A stack holding only the table.
    public init() {
        self.layers = [.table]
    }

    /// The layer that receives keys.
    public var top: Layer { layers.last ?? .table }

    /// The layers worth drawing, bottom to top: from the topmost layer that covers the screen upwards.
    public var visibleLayers: ArraySlice<Layer> {
        layers[(layers.lastIndex { $0.coversScreen } ?? 0)...]
    }

    /// True when `layer` may be pushed now: the filter input and the detail only over the bare table, an overlay
    /// over anything but another overlay, the table never.
    public func canPush(_ layer: Layer) -> Bool {
        switch layer {
        case .table: return false
        case .filterInput, .detail: return top == .table
        case .confirmCancel, .help: return !top.isOverlay
        }
    }

    /// Puts `layer` on top if it may sit there (`canPush`); returns whether it was pushed.
    @discardableResult
    public mutating func push(_ layer: Layer) -> Bool {
        guard canPush(layer) else { return false }
        layers.append(layer)
        return true
    }

    /// Removes the top layer and returns it; nil (and nothing changes) when only the table is left.
    @discardableResult
    public mutating func pop() -> Layer? {
        guard layers.count > 1 else { return nil }
        return layers.removeLast()
    }

    /// Removes every layer above the table.
    public mutating func popToTable() {
        layers.removeSubrange(1...)
    }

    /// True when `layer` is somewhere in the stack.
    public func contains(_ layer: Layer) -> Bool {
        layers.contains(layer)
    }

    /// The job whose cancellation awaits a yes or no, if that question is open.
    public var confirmingCancel: String? {
        for case .confirmCancel(let jobID) in layers { return jobID }
        return nil
    }

    /// The detail layer's state, wherever it is in the stack. Setting a value replaces an open detail in place
    /// (layers above it stay) or else opens the detail directly over the table (closing any filter input or overlay);
    /// setting nil closes the detail and every layer above it.
    public var detail: DetailState? {
        get {
            for case .detail(let detail) in layers { return detail }
            return nil
        }
        set {
            let index = layers.firstIndex { if case .detail = $0 { return true } else { return false } }
            switch (newValue, index) {
            case (let detail?, let index?):
                layers[index] = .detail(detail)
            case (let detail?, nil):
                popToTable()
                layers.append(.detail(detail))
            case (nil, let index?):
                layers.removeSubrange(index...)
            case (nil, nil):
                break
            }
        }
    }
}
