import Foundation
import Testing

@testable import MockCloud

/// A v2 list page as the tests read it.
struct V2TestPage<Item: Decodable>: Decodable {
    let items: [Item]
    let nextPageToken: String?

    private enum CodingKeys: String, CodingKey {
        case items
        case nextPageToken = "next_page_token"
    }
}

/// A v2 batch as the tests read it.
struct V2TestBatch: Decodable {
    let id: String
    let status: String
    let sourceDirectoryID: String
    let results: [V2TestResult]?

    private enum CodingKeys: String, CodingKey {
        case id, status, results
        case sourceDirectoryID = "source_directory_id"
    }
}

/// A batch result entry as the tests read it.
struct V2TestResult: Decodable {
    let sourceDirectoryFileID: String
    let jobReference: V2TestReference?
    let errorMessage: String?

    private enum CodingKeys: String, CodingKey {
        case sourceDirectoryFileID = "source_directory_file_id"
        case jobReference = "job_reference"
        case errorMessage = "error_message"
    }
}

/// A job reference as the tests read it.
struct V2TestReference: Decodable {
    let type: String
    let id: String
}

/// A parse or extract job (or directory file) as the tests read it.
struct V2TestJob: Decodable {
    let id: String
    let status: String?
}

/// Every item of a v2 listing, following `next_page_token`; also returns the number of pages.
func allV2Pages<Item: Decodable>(
    _ server: MockCloudServer, _ path: String, as type: Item.Type
) async throws -> (items: [Item], pages: Int) {
    var items: [Item] = []
    var token: String?
    var pages = 0
    repeat {
        let separator = path.contains("?") ? "&" : "?"
        let url = token.map { path + separator + "page_token=" + $0 } ?? path
        let response = try await send(server, url)
        try #require(response.status == 200, "\(url) answered \(response.status)")
        let page = try response.decode(V2TestPage<Item>.self)
        items += page.items
        pages += 1
        token = page.nextPageToken
        if pages > 10_000 { break }
    } while token != nil
    return (items, pages)
}

/// The demo's v2 plans (seed 1), in the order `BatchScenarioPlans.demo` builds them.
let demoBatchPlans = BatchScenarioPlans.demo(seed: 1)
