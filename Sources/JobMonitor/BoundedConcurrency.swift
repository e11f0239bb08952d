import FoundationEssentials

/// Runs `operation` on every input with at most `limit` operations in flight and returns the outputs in input
/// order, one slot per input: nil for an input whose operation was never started because the calling task was
/// cancelled (no new operation starts after cancellation; those in flight are cancelled and awaited).
///
/// Each child task awaits `operation` first and only then builds its `(index, output)` pair. Swift 6.3.1's
/// optimiser (LLVM dead-store elimination on async functions) can drop a value stored into an async function's
/// indirect result before an `await` when another path stores it again: the result then holds uninitialised memory
/// and the release build crashes when the task group copies it (see `Tests/Regressions/README.md`). Operations
/// passed in must follow the same rule: return a value built after the `await`, never a tuple or enum whose parts
/// are filled in before it (`SourcePatternTests` checks the sources for that shape).
public func boundedMap<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], limit: Int, _ operation: @escaping @Sendable (Input) async -> Output
) async -> [Output?] {
    guard !inputs.isEmpty else { return [] }
    return await withTaskGroup(of: (Int, Output).self) { group in
        var results: [Output?] = Array(repeating: nil, count: inputs.count)
        var next = 0
        func startNext() {
            guard next < inputs.count, !Task.isCancelled else { return }
            let index = next
            let input = inputs[index]
            next += 1
            group.addTask {
                let output = await operation(input)
                return (index, output)
            }
        }
        for _ in 0..<min(max(1, limit), inputs.count) { startNext() }
        while let (index, output) = await group.next() {
            results[index] = output
            startNext()
        }
        return results
    }
}
