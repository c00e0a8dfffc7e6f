// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kidl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kidlc", targets: ["kidlc"]),
        .library(name: "KurentoIDL", targets: ["KurentoIDL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Read, decode, assemble, resolve and validate Kurento Module Descriptor files.
        .target(name: "KurentoIDL"),
        // The command-line tool.
        .executableTarget(
            name: "kidlc",
            dependencies: [
                "KurentoIDL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KurentoIDLTests", dependencies: ["KurentoIDL"]),
    ],
    swiftLanguageModes: [.v6]
)
