import FoundationEssentials

/// The v2 side of a scenario: batch plans (newest created first) and the cancels requested so far.
struct BatchData: Sendable {
    /// Plans, newest created first.
    let plans: [BatchPlan]
    /// Position of each plan by key.
    let positions: [String: Int]
    /// Real time of each cancel requested through the API, by key.
    var cancels: [String: TimeInterval] = [:]

    /// Orders the plans newest first and indexes them.
    init(plans: [BatchPlan]) {
        let ordered = plans.enumerated().sorted { lhs, rhs in
            lhs.element.appearsAt != rhs.element.appearsAt
                ? lhs.element.appearsAt > rhs.element.appearsAt : lhs.offset < rhs.offset
        }.map(\.element)
        self.plans = ordered
        positions = Dictionary(ordered.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The data of a scenario (no batches for the v1-only scenarios).
    init(scenario: MockScenario) {
        switch scenario {
        case .demo(let seed): self.init(plans: BatchScenarioPlans.demo(seed: seed))
        case .batches(let count, let files, let seed):
            self.init(plans: BatchScenarioPlans.scale(batches: count, files: files, seed: seed))
        default: self.init(plans: [])
        }
    }

    /// The batch with this id at `time`.
    func state(ofBatch id: String, at time: TimeInterval) throws(MockFailure) -> BatchState {
        guard id.hasPrefix("bat-"), let state = state(key: String(id.dropFirst(4)), at: time) else {
            throw MockFailure(status: 404, detail: "Batch not found")
        }
        return state
    }

    /// The batch whose directory has this id at `time`.
    func state(ofDirectory id: String, at time: TimeInterval) throws(MockFailure) -> BatchState {
        guard id.hasPrefix("dir-"), let state = state(key: String(id.dropFirst(4)), at: time) else {
            throw MockFailure(status: 404, detail: "Directory not found")
        }
        return state
    }

    /// The batch and file index of a job id (`pjb-<key>-<n>` / `exj-<key>-<n>`) whose job exists at `time`.
    func job(_ id: String, extract: Bool, at time: TimeInterval) -> (state: BatchState, index: Int)? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == (extract ? "exj" : "pjb"), let index = Int(parts[2]),
            let state = state(key: String(parts[1]), at: time), state.plan.isExtract == extract, state.hasJob(index)
        else { return nil }
        return (state, index)
    }

    /// All batches existing at `time`, newest first.
    func states(at time: TimeInterval) -> [BatchState] {
        plans.compactMap { $0.state(at: time, cancel: cancels[$0.key]) }
    }

    /// The batch of a key at `time`.
    private func state(key: String, at time: TimeInterval) -> BatchState? {
        guard let position = positions[key] else { return nil }
        return plans[position].state(at: time, cancel: cancels[key])
    }

    /// Requests a cancel of a batch not in an end state; answers with the batch as it is now (not cancelled yet).
    mutating func cancel(_ id: String, at time: TimeInterval) throws(MockFailure) -> BatchState {
        let state = try state(ofBatch: id, at: time)
        guard !state.isTerminal, state.cancel == nil else {
            let detail =
                state.cancel != nil && !state.isTerminal
                ? "Batch is already being cancelled" : "Batch is already \(state.status) and cannot be cancelled"
            throw MockFailure(status: 409, detail: detail)
        }
        cancels[state.plan.key] = time
        return try self.state(ofBatch: id, at: time)
    }
}
