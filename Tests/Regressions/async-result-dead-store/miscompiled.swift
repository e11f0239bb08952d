// Reduced reproduction of the release-only crash of batchtop 0.1 (Poller.fetchStatuses). Swift 6.3.1, x86_64 Linux.
//
// The closure passed to `inChildTasks` returns a tuple through an indirect result. The optimised build stores
// `id` into the tuple before the `await` and again on the `catch` path; LLVM's dead-store elimination then deletes
// the first store, so on the success path the tuple's `id` is never written. The task group copies uninitialised
// memory out of the child task and the process crashes (SIGSEGV in swift_retain, or SIGABRT). `-Onone` is fine.
// Build and run: see check.sh.

enum Failure: Error { case notFound(detail: String?) }

protocol Service: Sendable {
    func fetch(_ id: String) async throws(Failure) -> String
}

struct LocalService: Service {
    func fetch(_ id: String) async throws(Failure) -> String {
        await Task.yield()
        return "status of " + id
    }
}

func inChildTasks<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ operation: @escaping @Sendable (Input) async -> Output
) async -> [Output] {
    await withTaskGroup(of: Output.self) { group in
        for input in inputs { group.addTask { await operation(input) } }
        var results: [Output] = []
        while let output = await group.next() { results.append(output) }
        return results
    }
}

@main enum Main {
    static func main() async {
        let service: any Service = LocalService()
        var matched = 0
        for round in 0..<3000 {
            let ids = (0..<8).map { "job-\(round)-\($0)" }
            let results = await inChildTasks(ids) { id -> (String, Result<String, Failure>) in
                do throws(Failure) {
                    return (id, .success(try await service.fetch(id)))
                } catch {
                    return (id, .failure(error))
                }
            }
            for (id, result) in results { if case .success(let text) = result, text.hasSuffix(id) { matched += 1 } }
        }
        print(matched == 24_000 ? "ok" : "wrong: \(matched) of 24000 results matched their ID")
    }
}
