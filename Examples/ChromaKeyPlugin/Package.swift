// swift-tools-version: 6.0
// An example plugin module for kidl: a chroma key filter described in Sources/ChromaKey/chromakey.kmd.json,
// its Swift code generated at build time by kidl's build-tool plugin, implemented in ChromaKeyFilterImpl.swift,
// and driven by the generated client over a loopback WebSocket in Tests/ChromaKeyTests.
import PackageDescription

let package = Package(
    name: "ChromaKeyPlugin",
    platforms: [.macOS(.v15)],
    dependencies: [
        // kidl itself, by path (this example lives in kidl's repository).
        .package(name: "kidl", path: "../.."),
        // Only for quieting the server's logger in the tests (kidl depends on it already).
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // The server side: generated protocols and glue (KidlcPlugin, targets: [swift-server] in kidlc.yaml)
        // and their implementation.
        .target(
            name: "ChromaKey",
            dependencies: [
                .product(name: "KurentoRuntime", package: "kidl"),
                .product(name: "KurentoServer", package: "kidl"),
            ],
            plugins: [.plugin(name: "KidlcPlugin", package: "kidl")]
        ),
        // The client side: generated proxies from the same kmd file (a symbolic link), targets: [swift-client].
        .target(
            name: "ChromaKeyClient",
            dependencies: [
                .product(name: "KurentoRuntime", package: "kidl"),
                .product(name: "KurentoClient", package: "kidl"),
            ],
            plugins: [.plugin(name: "KidlcPlugin", package: "kidl")]
        ),
        // Serves the module over a WebSocket: `swift run chromakey-server 8888`.
        .executableTarget(
            name: "chromakey-server",
            dependencies: [
                "ChromaKey",
                .product(name: "KurentoRuntime", package: "kidl"),
                .product(name: "KurentoServer", package: "kidl"),
                .product(name: "KurentoWebSocket", package: "kidl"),
            ]
        ),
        .testTarget(
            name: "ChromaKeyTests",
            dependencies: [
                "ChromaKey", "ChromaKeyClient",
                .product(name: "KurentoRuntime", package: "kidl"),
                .product(name: "KurentoServer", package: "kidl"),
                .product(name: "KurentoClient", package: "kidl"),
                .product(name: "KurentoWebSocket", package: "kidl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
