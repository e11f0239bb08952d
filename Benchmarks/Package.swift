// swift-tools-version:6.1
import PackageDescription

// The performance benchmarks of batchtop: a package of their own, so that the root package's `swift test` and CI
// never build them. From this folder: `swift package --allow-writing-to-package-directory benchmark`
// (ordo-one/benchmark: wall clock, CPU, mallocs, peak memory) and `../scripts/callgrind.sh` (instruction counts).
let package = Package(
    name: "batchtop-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "batchtop", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkFixtures",
            dependencies: [.product(name: "BatchtopCore", package: "batchtop")]
        ),
        .executableTarget(
            name: "BatchtopBenchmarks",
            dependencies: [
                "BenchmarkFixtures",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "BatchtopCore", package: "batchtop"),
            ],
            path: "Benchmarks/BatchtopBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "batchtop-callgrind",
            dependencies: ["BenchmarkFixtures", .product(name: "BatchtopCore", package: "batchtop")]
        ),
        .target(name: "CHeapInfo"),
        .executableTarget(
            name: "batchtop-memory",
            dependencies: ["BenchmarkFixtures", "CHeapInfo", .product(name: "BatchtopCore", package: "batchtop")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
