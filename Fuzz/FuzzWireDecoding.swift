// libFuzzer target: any bytes as a list page, a status answer and an items page. Decoding may fail with an error;
// it must never trap, hang or read out of bounds. The byte-level list-page decoder (`JobPageDecoder`) must answer
// exactly what `JSONDecoder` answers whenever it answers at all (a difference traps, so libFuzzer reports it).
// Built by scripts/fuzz.sh together with the wire-model sources.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireDecoding(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    let decoder = JSONDecoder()
    let page = try? decoder.decode(Page<BatchJob>.self, from: data)
    if let page {
        for job in page.items { _ = JobStatusResponse.derivedPercentage(of: job) }
    }
    if let fast = JobPageDecoder.decodeFast(data), fast != page {
        fatalError("JobPageDecoder differs from JSONDecoder on this input")
    }
    _ = try? decoder.decode(JobStatusResponse.self, from: data)
    _ = try? decoder.decode(Page<JobItem>.self, from: data)
    _ = try? decoder.decode(CancelResponse.self, from: data)
    if let text = String(data: data, encoding: .utf8) { _ = ISO8601Timestamp.parse(text) }
    return 0
}
