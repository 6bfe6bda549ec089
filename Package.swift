// swift-tools-version:6.0
import PackageDescription

// The target graph is the architecture: Core is pure, the service layer is the only door the
// interface uses, each backend sits behind Core's `FlowBackend`, and the executable only wires.
let package = Package(
    name: "FlowDash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "flowdash", targets: ["flowdash"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .target(name: "FlowDashCore"),
        .target(name: "FlowDashScreen"),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CTermSupport"),
        .target(name: "FlowDashCurses", dependencies: ["FlowDashScreen", "CNcursesw", "CTermSupport"]),
        .testTarget(name: "FlowDashCursesTests", dependencies: ["FlowDashCurses", "FlowDashScreen"]),
        .target(name: "FlowDashTUI", dependencies: ["FlowDashCore", "FlowDashService", "FlowDashScreen", "FlowDashKnowledge"]),
        .target(
            name: "FlowDashConfig",
            dependencies: ["FlowDashScreen", "FlowDashTUI", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "FlowDashService",
            dependencies: ["FlowDashCore", "FlowDashKnowledge", .product(name: "Logging", package: "swift-log")]
        ),
        // The self-help entries ship as Markdown resources (docs/HELP.md).
        .target(name: "FlowDashKnowledge", dependencies: ["FlowDashCore"], resources: [.copy("Entries")]),
        .testTarget(name: "FlowDashKnowledgeTests", dependencies: ["FlowDashKnowledge", "FlowDashCore"]),
        .target(
            name: "FlowDashEmbedded",
            dependencies: [
                "FlowDashCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "FlowDashAirflow", dependencies: ["FlowDashCore", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "FlowDashDemoAPI",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "flowdash",
            dependencies: [
                "FlowDashCore", "FlowDashService", "FlowDashEmbedded", "FlowDashAirflow", "FlowDashDemoAPI",
                "FlowDashScreen", "FlowDashTUI", "FlowDashCurses", "FlowDashConfig", "FlowDashKnowledge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "flowdash-bench",
            dependencies: [
                "FlowDashCore", "FlowDashService", "FlowDashEmbedded", "FlowDashDemoAPI",
                "FlowDashScreen", "FlowDashTUI", "FlowDashAirflow",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/FlowDashBench"
        ),
        .testTarget(name: "FlowDashCoreTests", dependencies: ["FlowDashCore"]),
        .testTarget(name: "FlowDashScreenTests", dependencies: ["FlowDashScreen"]),
        .testTarget(
            name: "FlowDashTUITests",
            dependencies: ["FlowDashTUI", "FlowDashCore", "FlowDashService", "FlowDashScreen", "FlowDashKnowledge"]
        ),
        .testTarget(
            name: "FlowDashServiceTests",
            dependencies: ["FlowDashCore", "FlowDashService", "FlowDashKnowledge"]
        ),
        .testTarget(
            name: "FlowDashEmbeddedTests",
            dependencies: ["FlowDashCore", "FlowDashEmbedded", "FlowDashDemoAPI",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "FlowDashAirflowTests", dependencies: ["FlowDashAirflow", "FlowDashCore"]),
        // Against the real Airflow that script/test starts (script/airflow up); fails without it.
        .testTarget(name: "FlowDashAirflowLiveTests", dependencies: ["FlowDashAirflow", "FlowDashCore", "FlowDashService"]),
        .testTarget(name: "FlowDashDemoAPITests", dependencies: ["FlowDashDemoAPI"]),
        .testTarget(name: "FlowDashCLITests", dependencies: ["flowdash", "FlowDashDemoAPI"]),
        .testTarget(
            name: "FlowDashConfigTests", dependencies: ["FlowDashConfig", "FlowDashScreen", "FlowDashTUI"]
        ),
        .testTarget(
            name: "FlowDashE2ETests",
            dependencies: ["flowdash", .product(name: "Subprocess", package: "swift-subprocess")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
