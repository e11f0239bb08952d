import Foundation

extension Shell {
    /// Runs `execute` on a thread of its own, so that waiting for the program never blocks a Swift concurrency
    /// thread (an in-process mock server needs those to answer the program).
    static func executeInBackground(
        _ path: String, _ arguments: [String], environment: [String: String]? = nil
    ) async throws -> (status: Int32, output: String, error: String) {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try execute(path, arguments, environment: environment))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}
