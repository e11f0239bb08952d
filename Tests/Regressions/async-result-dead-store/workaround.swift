// The shape batchtop uses instead (Poller.fetchStatuses): the child task returns only the `Result`, built after the
// `await`; the IDs are paired with the results afterwards, by position. Same program otherwise as miscompiled.swift.

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

func inOrderInChildTasks<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ operation: @escaping @Sendable (Input) async -> Output
) async -> [Output] {
    await withTaskGroup(of: (Int, Output).self) { group in
        for (index, input) in inputs.enumerated() {
            group.addTask {
                let output = await operation(input)
                return (index, output)
            }
        }
        var results: [Output?] = Array(repeating: nil, count: inputs.count)
        while let (index, output) = await group.next() { results[index] = output }
        return results.compactMap { $0 }
    }
}

func status(of id: String, from service: any Service) async -> Result<String, Failure> {
    do throws(Failure) {
        let text = try await service.fetch(id)
        return .success(text)
    } catch {
        return .failure(error)
    }
}

@main enum Main {
    static func main() async {
        let service: any Service = LocalService()
        var matched = 0
        for round in 0..<3000 {
            let ids = (0..<8).map { "job-\(round)-\($0)" }
            let results = await inOrderInChildTasks(ids) { id in await status(of: id, from: service) }
            for (id, result) in zip(ids, results) {
                if case .success(let text) = result, text.hasSuffix(id) { matched += 1 }
            }
        }
        print(matched == 24_000 ? "ok" : "wrong: \(matched) of 24000 results matched their ID")
    }
}
