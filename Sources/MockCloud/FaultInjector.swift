import FoundationEssentials
import LlamaCloud

/// The kind of call a request is, judged from its path and method.
enum MockCall: Sendable, Equatable {
    case list, status, cancel, items, other
    /// A call of the v2 Batches API (or its directory calls).
    case v2(MockV2Call)

    /// Classifies a request path (after the API prefix) and method.
    init(rest: [String], isGet: Bool, isPost: Bool) {
        switch rest.count {
        case 0 where isGet: self = .list
        case 1 where isGet: self = .status
        case 2 where rest[1] == "cancel" && isPost: self = .cancel
        case 2 where rest[1] == "items" && isGet: self = .items
        default: self = .other
        }
    }
}

/// The scripted faults still to show, in order, and the count of requests received; shared by server and responder.
final class FaultInjector: Sendable {
    private struct State {
        var queue: [(fault: MockFault, target: MockFaultTarget)] = []
        var counts = MockRequestCounts()
        var random = SplitMix64(seed: 0xFA_017)
    }

    /// The random faults, one of which answers a `rate` share of the requests no scripted fault claims.
    static let randomFaults: [MockFault] = [
        .rateLimited(retryAfter: 1), .respond(status: 500, body: #"{"detail":"Internal Server Error"}"#),
        .respond(status: 503, body: #"{"detail":"Service Unavailable"}"#), .htmlError(status: 502), .truncateBody,
        .delay(seconds: 2), .resetMidBody,
    ]

    private let state: Locked<State>
    private let rate: Double

    init(faults: [MockFault], rate: Double = 0) {
        state = Locked(State(queue: faults.map { ($0, .any) }))
        self.rate = rate
    }

    /// Appends faults, each shown once, to the next requests they target.
    func inject(_ faults: [MockFault], on target: MockFaultTarget) {
        state.withLock { $0.queue += faults.map { ($0, target) } }
    }

    /// Counts a request and returns the first queued fault that targets it (removing it), if any.
    func take(for call: MockCall) -> MockFault? {
        state.withLock { state in
            switch call {
            case .list: state.counts.list += 1
            case .status: state.counts.status += 1
            case .cancel: state.counts.cancel += 1
            case .items: state.counts.items += 1
            case .other: state.counts.other += 1
            case .v2(let kind): state.counts.v2[kind, default: 0] += 1
            }
            if let index = state.queue.firstIndex(where: { Self.matches($0.target, call) }) {
                return state.queue.remove(at: index).fault
            }
            guard rate > 0, call != .other, state.random.double(in: 0...1) < rate else { return nil }
            return state.random.pick(Self.randomFaults)
        }
    }

    /// Records how many `job_ids` one bulk job call asked for.
    func recordJobIDs(_ count: Int) {
        state.withLock { state in
            state.counts.jobIDsAsked += count
            state.counts.mostJobIDsInOneCall = max(state.counts.mostJobIDsInOneCall, count)
        }
    }

    /// Requests received so far.
    var counts: MockRequestCounts { state.withLock { $0.counts } }

    /// Faults not shown yet.
    var pending: Int { state.withLock { $0.queue.count } }

    /// Sets the counts back to zero.
    func resetCounts() { state.withLock { $0.counts = MockRequestCounts() } }

    private static func matches(_ target: MockFaultTarget, _ call: MockCall) -> Bool {
        switch target {
        case .any: return true
        case .list: return call == .list
        case .status: return call == .status
        case .v2(let kind): return call == .v2(kind)
        }
    }
}
