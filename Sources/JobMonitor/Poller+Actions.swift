import Foundation
import LlamaCloud

/// On-demand calls the UI asks for (a job's files, cancelling a job): the poller stays the only network client.
extension Poller {
    /// One page of a job's files, optionally only those with `status`; the error is a message without the key.
    /// With the first page (`offset` 0) of a beta job, the job's status call runs beside it for the record and
    /// workflow IDs, which the poller does not keep from list pages (see `JobRecordIDs`).
    public func items(jobID: String, offset: Int, limit: Int = 50, status: String? = nil) async -> Result<FileItemPage, ActionFailure> {
        if isBatch(jobID) { return await batchFiles(jobID: jobID, offset: offset, limit: limit, status: status) }
        let api = self.api
        async let recordIDs = offset == 0 ? Self.recordIDs(of: jobID, from: api) : nil
        do throws(BatchAPIError) {
            let page = try await api.jobItems(id: jobID, query: ItemListQuery(limit: limit, offset: offset, status: status))
            let items = page.items.map(FileItem.init(wire:))
            // Awaited on its own line: an argument list around an `await` is the shape the Swift 6.3.1 optimiser
            // miscompiles (`SourcePatternTests`).
            let fetched = await recordIDs
            return .success(FileItemPage(items: items, totalSize: page.totalSize, offset: offset, recordIDs: fetched))
        } catch {
            return .failure(ActionFailure(message: error.description))
        }
    }

    /// The job's record and workflow IDs from its status call; nil when the call fails.
    static func recordIDs(of jobID: String, from api: any BatchAPI) async -> JobRecordIDs? {
        guard case .success(let response) = await status(of: jobID, from: api) else { return nil }
        return JobRecordIDs(jobRecordID: response.job.jobRecordID, workflowID: response.job.workflowID)
    }

    /// Asks the server to cancel a job and polls right after; returns the server's message or the error.
    public func cancel(jobID: String, reason: String? = "cancelled from batchtop") async -> Result<String, ActionFailure> {
        if isBatch(jobID) { return await cancelBatch(jobID: jobID) }
        do throws(BatchAPIError) {
            let response = try await api.cancelJob(id: jobID, reason: reason)
            refresh()
            let message = response.message.isEmpty ? "cancel requested" : response.message
            return .success("\(message) (\(response.status), \(response.processedItems) items processed)")
        } catch {
            return .failure(ActionFailure(message: error.description))
        }
    }
}

/// Why an on-demand call failed: a one-line message that never contains the API key.
public struct ActionFailure: Error, Sendable, Equatable {
    /// The message.
    public var message: String

    /// Creates a failure.
    public init(message: String) { self.message = message }
}
