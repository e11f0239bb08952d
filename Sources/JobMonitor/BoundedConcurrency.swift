import Foundation

/// Runs `operation` on every input with at most `limit` operations in flight; results come back in input order.
func boundedMap<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], limit: Int, _ operation: @escaping @Sendable (Input) async -> Output
) async -> [Output] {
    guard !inputs.isEmpty else { return [] }
    return await withTaskGroup(of: (Int, Output).self) { group in
        var results: [Output?] = Array(repeating: nil, count: inputs.count)
        var next = 0
        func startNext() {
            guard next < inputs.count else { return }
            let index = next
            let input = inputs[index]
            next += 1
            group.addTask { (index, await operation(input)) }
        }
        for _ in 0..<max(1, limit) { startNext() }
        while let (index, output) = await group.next() {
            results[index] = output
            startNext()
        }
        return results.compactMap { $0 }
    }
}
