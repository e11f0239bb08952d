// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "batchtop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "batchtop", targets: ["batchtop"]),
        // For the separate benchmarks package in Benchmarks/ (not built by `swift test`).
        .library(name: "BatchtopCore", targets: ["LlamaCloud", "JobMonitor", "Dashboard", "TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "LlamaCloud",
            dependencies: ["TextTools", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(name: "TextTools"),
        .target(name: "JobMonitor", dependencies: ["LlamaCloud", "CMemoryHints"]),
        .target(name: "CMemoryHints"),
        .target(name: "RunLog", dependencies: ["LlamaCloud", "TextTools"]),
        .target(name: "TerminalUI"),
        .target(name: "CTerminalRescue"),
        .target(name: "CTerminalWake"),
        .target(name: "CMallocArenas"),
        .target(name: "CursesTerminal", dependencies: ["CNCurses", "CTerminalRescue", "CTerminalWake", "TerminalUI"]),
        .target(name: "AppRuntime", dependencies: ["Dashboard", "JobMonitor", "LlamaCloud", "TerminalUI"]),
        .target(name: "Dashboard", dependencies: ["JobMonitor", "LlamaCloud", "TerminalUI", "TextTools"]),
        .target(name: "ThemeLoader", dependencies: ["TerminalUI", "TextTools"]),
        .target(
            name: "MockCloud",
            dependencies: [
                "LlamaCloud", "TextTools", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "batchtop",
            dependencies: [
                "LlamaCloud", "JobMonitor", "TerminalUI", "CursesTerminal", "Dashboard", "AppRuntime", "MockCloud", "ThemeLoader",
                "CMallocArenas", "RunLog", "TextTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "batchtop-bench", dependencies: ["Dashboard", "JobMonitor", "TerminalUI", "TextTools"]),
        .target(name: "PollerStress", dependencies: ["JobMonitor", "LlamaCloud"]),
        .executableTarget(name: "batchtop-stress", dependencies: ["PollerStress", "TextTools"]),
        .testTarget(
            name: "LlamaCloudTests", dependencies: ["LlamaCloud", .product(name: "Clocks", package: "swift-clocks")]),
        .testTarget(
            name: "JobMonitorTests",
            dependencies: ["JobMonitor", "LlamaCloud", "PollerStress", .product(name: "Clocks", package: "swift-clocks")]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "TextToolsTests", dependencies: ["TextTools"]),
        .testTarget(name: "AppRuntimeTests", dependencies: ["AppRuntime", "Dashboard", "JobMonitor", "LlamaCloud", "TerminalUI"]),
        .testTarget(name: "RunLogTests", dependencies: ["RunLog"]),
        .testTarget(name: "MallocArenasTests", dependencies: ["CMallocArenas"]),
        .testTarget(name: "ThemeLoaderTests", dependencies: ["ThemeLoader", "TerminalUI"]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "JobMonitor", "TerminalUI", "LlamaCloud"]),
        .testTarget(
            name: "MockCloudTests",
            dependencies: [
                "MockCloud", "LlamaCloud", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "IntegrationTests", dependencies: ["LlamaCloud", "JobMonitor", "MockCloud"]),
        .testTarget(name: "EndToEndTests", dependencies: ["batchtop", "MockCloud", "LlamaCloud"]),
    ],
    swiftLanguageModes: [.v6]
)
