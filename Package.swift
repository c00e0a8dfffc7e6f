// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kidl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kidlc", targets: ["kidlc"]),
        .executable(name: "kidl-server", targets: ["kidl-server"]),
        .executable(name: "kidl-load", targets: ["kidl-load"]),
        .library(name: "KurentoIDL", targets: ["KurentoIDL"]),
        .library(name: "KurentoIDLCodegen", targets: ["KurentoIDLCodegen"]),
        .library(name: "KurentoRuntime", targets: ["KurentoRuntime"]),
        .library(name: "KurentoServer", targets: ["KurentoServer", "KurentoPlatform"]),
        .library(name: "KurentoClient", targets: ["KurentoClient", "KurentoPlatformClient"]),
        .library(name: "KurentoWebSocket", targets: ["KurentoWebSocket"]),
        // The SwiftPM plugins (README, "Use it in your package").
        .plugin(name: "KidlcPlugin", targets: ["KidlcPlugin"]),
        .plugin(name: "KidlcGenerateCommand", targets: ["KidlcGenerateCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        // Read, decode, assemble, resolve and validate Kurento Module Descriptor files.
        .target(name: "KurentoIDL"),
        // The templates, shipped as resources so an installed kidlc works from any folder.
        .target(name: "KidlTemplates", path: "Templates", resources: [.copy("swift-server"), .copy("swift-impl-starter"), .copy("swift-client"), .copy("docs"), .copy("c-shim")]),
        // Translate the model into view models, render templates, write output folders.
        .target(
            name: "KurentoIDLCodegen",
            dependencies: [
                "KurentoIDL", "KidlTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // What generated server code compiles against (and, later, the server runtime).
        .target(name: "KurentoRuntime"),
        // The generated server code of the project's platform modules (idl/core, idl/elements, idl/filters),
        // kept fresh by GoldenTests.
        .target(name: "KurentoPlatform", dependencies: ["KurentoRuntime"], path: "Generated/swift-server/KurentoPlatform"),
        // The implementations of the platform modules, and a whole server without the network.
        .target(name: "KurentoServer", dependencies: ["KurentoRuntime", "KurentoPlatform", "KurentoCBridge"]),
        // The generated server code of the demo plugin (idl/demo), for tests and examples.
        .target(name: "KurentoDemo", dependencies: ["KurentoRuntime", "KurentoPlatform"], path: "Generated/swift-server/KurentoDemo"),
        // The demo plugin's implementation (its classes derive from KurentoServer's bases): served by the tests, the
        // end-to-end client tests and, compiled with the generated code into a shared library, the dlopen tests.
        .target(name: "KurentoDemoServer", dependencies: ["KurentoRuntime", "KurentoPlatform", "KurentoServer", "KurentoDemo"]),
        // The live-classroom example (README, "Live classroom"): the generated server code of idl/classroom, its
        // implementation, its generated client, the lesson on that client, and the executable that runs it.
        .target(name: "KurentoClassroom", dependencies: ["KurentoRuntime", "KurentoPlatform"],
                path: "Generated/swift-server/KurentoClassroom"),
        .target(name: "KurentoClassroomServer", dependencies: ["KurentoRuntime", "KurentoPlatform", "KurentoServer", "KurentoClassroom"]),
        // The C declarations shared by C module libraries and the host (kidl_c_abi.h).
        .target(name: "CKidlBridge"),
        // Modules implemented in C (kidlc --target c-shim), loaded from shared libraries and served like Swift ones.
        .target(name: "KurentoCBridge", dependencies: ["CKidlBridge", "KurentoRuntime"]),
        // The Kurento protocol over WebSocket (Hummingbird), serving a dispatcher.
        .target(
            name: "KurentoWebSocket",
            dependencies: [
                "KurentoRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The server executable: platform modules, linked-in and loaded modules, WebSocket transport.
        .executableTarget(
            name: "kidl-server",
            dependencies: [
                "KurentoServer", "KurentoWebSocket", "KurentoRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Plugin libraries loaded with dlopen resolve the runtime's symbols from the server itself.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
        ),
        // The client side of the Kurento protocol over WebSocket (HummingbirdWSClient), used by generated proxies.
        .target(
            name: "KurentoClient",
            dependencies: [
                "KurentoRuntime",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The generated client proxies of the platform modules and of the demo plugin, kept fresh by GoldenTests.
        .target(name: "KurentoPlatformClient", dependencies: ["KurentoClient", "KurentoRuntime"],
                path: "Generated/swift-client/KurentoPlatformClient"),
        .target(name: "KurentoDemoClient", dependencies: ["KurentoClient", "KurentoRuntime", "KurentoPlatformClient"],
                path: "Generated/swift-client/KurentoDemoClient"),
        .target(name: "KurentoClassroomClient", dependencies: ["KurentoClient", "KurentoRuntime", "KurentoPlatformClient"],
                path: "Generated/swift-client/KurentoClassroomClient"),
        .target(name: "ClassroomLesson", dependencies: ["KurentoClassroomClient", "KurentoPlatformClient", "KurentoClient", "KurentoRuntime"]),
        .executableTarget(
            name: "kidl-classroom",
            dependencies: [
                "ClassroomLesson", "KurentoClassroomServer", "KurentoServer", "KurentoWebSocket", "KurentoClient", "KurentoRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // In-process figures of the runtime (scripts/bench-runtime.sh): create+invoke+release per second, memory per object.
        .executableTarget(name: "kidl-bench-runtime", dependencies: ["KurentoServer", "KurentoRuntime"]),
        // Load and soak test of a kidl-server on loopback: concurrent WebSocket clients (scripts/load.sh).
        .executableTarget(
            name: "kidl-load",
            dependencies: [
                "KurentoRuntime",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Wire figures (README, Benchmarks): invoke round trips over loopback WebSockets beside a bare echo server.
        .executableTarget(
            name: "kidl-bench-wire",
            dependencies: [
                "KurentoServer", "KurentoWebSocket", "KurentoRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command-line tool.
        .executableTarget(
            name: "kidlc",
            dependencies: [
                "KurentoIDL", "KurentoIDLCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-tool plugin: `kidlc generate --layout fixed` on the *.kmd.json files of the target it is applied to.
        .plugin(name: "KidlcPlugin", capability: .buildTool(), dependencies: ["kidlc"]),
        // `swift package --allow-writing-to-package-directory kidlc-generate`: C shims, docs, code to commit.
        .plugin(
            name: "KidlcGenerateCommand",
            capability: .command(
                intent: .custom(verb: "kidlc-generate", description: "Generate code, C shims or docs from the *.kmd.json files of targets into the package"),
                permissions: [.writeToPackageDirectory(reason: "kidlc writes the generated files into the package (Generated/<target> or --output)")]),
            dependencies: ["kidlc"]
        ),
        // What the test targets share: running compilers and executables without blocking the cooperative pool.
        .target(name: "KidlTestSupport", path: "Tests/KidlTestSupport"),
        // Packages built with the plugins as users build them: Examples/ChromaKeyPlugin and a `kidlc init` package,
        // in one nested scratch folder they share (.build/kidl-packages). Depends on kidlc so that it is built first.
        .testTarget(name: "KidlPluginTests", dependencies: ["kidlc", "KidlTestSupport"]),
        .testTarget(name: "KurentoIDLTests", dependencies: ["KurentoIDL", "KidlTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "KurentoServerTests",
            dependencies: ["KurentoServer", "KurentoDemo", "KurentoDemoServer", "KurentoPlatform", "KurentoRuntime", "KidlTestSupport"],
            // The dlopen tests load plugin libraries built without their own runtime: they resolve it from the
            // test binary, which must export its symbols.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"])]
        ),
        // The wire protocol over a real loopback socket: conformance, robustness, the server executable. Depends on
        // kidl-server so that `swift test` builds it before the tests that run it.
        .testTarget(
            name: "KurentoWebSocketTests",
            dependencies: [
                "KurentoWebSocket", "KurentoServer", "KurentoRuntime", "kidl-server",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The C shim: generated C compiled with gcc and clang, C modules loaded and served, valgrind.
        .testTarget(
            name: "KurentoCShimTests",
            dependencies: [
                "KurentoIDLCodegen", "KurentoIDL", "KurentoCBridge", "KurentoServer", "KurentoPlatform", "KurentoDemo",
                "KurentoRuntime", "KurentoWebSocket", "KidlTestSupport",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        // The client library and the generated platform proxies against a server on a loopback socket.
        .testTarget(
            name: "KurentoClientTests",
            dependencies: ["KurentoClient", "KurentoPlatformClient", "KurentoDemoClient", "KurentoServer", "KurentoDemoServer",
                           "KurentoWebSocket", "KurentoRuntime"]
        ),
        // The live-classroom example, in process and as the kidl-classroom executable (built first, as a dependency).
        .testTarget(
            name: "ClassroomTests",
            dependencies: [
                "ClassroomLesson", "KurentoClassroomServer", "KurentoServer", "KurentoWebSocket", "KurentoClient", "KurentoRuntime",
                "kidl-classroom", "KidlTestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KurentoIDLCodegenTests",
            // KurentoClient: generated client code is compiled against it.
            dependencies: ["KurentoIDLCodegen", "KurentoIDL", "KurentoRuntime", "KurentoClient", "KidlTestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
