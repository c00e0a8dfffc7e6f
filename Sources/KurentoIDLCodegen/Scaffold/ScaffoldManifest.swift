/// `Package.swift` and `README.md` of a package `kidlc init` creates.
extension PackageScaffold {
    /// The `.package(…)` line that brings kidl, and the identity products name it by.
    var kidlPackage: (line: String, identity: String) {
        switch kidl {
        case .path(let path):
            return (".package(name: \"kidl\", path: \(SwiftNaming.stringLiteral(path)))", "kidl")
        case .url(let url, let branch):
            var last = url.split(separator: "/").last.map(String.init) ?? "kidl"
            if last.hasSuffix(".git") { last.removeLast(4) }
            return (".package(url: \(SwiftNaming.stringLiteral(url)), branch: \(SwiftNaming.stringLiteral(branch)))", last)
        }
    }

    var manifest: String {
        let n = names, kidl = kidlPackage
        func product(_ name: String) -> String { ".product(name: \"\(name)\", package: \"\(kidl.identity)\")" }
        return """
            // swift-tools-version: 6.0
            // The \(n.module) Kurento module: \(n.kmdFile) describes it, kidl's build plugin (KidlcPlugin) generates
            // its Swift code at every build, \(n.serverTarget) implements it, \(n.clientTarget) drives it.
            import PackageDescription

            let package = Package(
                name: "\(n.className)",
                platforms: [.macOS(.v15)],
                dependencies: [
                    \(kidl.line),
                    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
                ],
                targets: [
                    // The generated server protocols and glue (kidlc.yaml: targets: [swift-server]) and their implementation.
                    .target(
                        name: "\(n.serverTarget)",
                        dependencies: [\(product("KurentoRuntime")), \(product("KurentoServer"))],
                        plugins: [.plugin(name: "KidlcPlugin", package: "\(kidl.identity)")]
                    ),
                    // The generated client proxies of the same kmd file (kidlc.yaml: targets: [swift-client]).
                    .target(
                        name: "\(n.clientTarget)",
                        dependencies: [\(product("KurentoRuntime")), \(product("KurentoClient"))],
                        plugins: [.plugin(name: "KidlcPlugin", package: "\(kidl.identity)")]
                    ),
                    // Serves the module on a loopback WebSocket and drives it with the generated client.
                    .testTarget(
                        name: "\(n.testTarget)",
                        dependencies: [
                            "\(n.serverTarget)", "\(n.clientTarget)",
                            \(product("KurentoServer")), \(product("KurentoWebSocket")), \(product("KurentoRuntime")),
                            .product(name: "Logging", package: "swift-log"),
                        ]
                    ),
                ],
                swiftLanguageModes: [.v6]
            )

            """
    }

    var readme: String {
        let n = names
        return """
            # \(n.className)

            A Kurento plugin module built with kidl: `\(n.module)`, with one class,
            `\(n.className)` (extends `\(base.kmd)`), started by `kidlc init`.

            ```sh
            swift build    # generates the Swift code of \(n.kmdFile) (kidl's build plugin), then compiles
            swift test     # serves the module on a loopback WebSocket and drives it with the generated client
            ```

            - `Sources/\(n.serverTarget)/\(n.kmdFile)`: the module's interface. Add methods, properties, events and
              types here; the next `swift build` regenerates the protocols, and the compiler lists what
              `\(n.implementation)` is missing. kidlc's diagnostics (`\(n.kmdFile):line:col: error: …`) fail the build.
            - `Sources/\(n.serverTarget)/\(n.implementation).swift`: the implementation of the generated protocol
              `\(n.className)`, on KurentoServer's `\(base.swift)`. Serve it with
              `KurentoServerCore(modules: [\(n.moduleType).implemented])` and `KurentoWebSocketServer`.
            - `Sources/\(n.clientTarget)`: generated proxies for `KurentoClient`; its kmd file is a symbolic link to the
              server target's.
            - `kidlc.yaml` in each target: kidlc's settings (`targets`, `importPaths`, `swiftModules`, `access`). The
              platform modules (core, elements, filters) come from the kidl package; list folders of other
              modules you import under `importPaths`.
            - `swift package --allow-writing-to-package-directory kidlc-generate --target \(n.serverTarget) --kidlc-target docs`
              writes Markdown API docs into `Generated/\(n.serverTarget)`; `--kidlc-target c-shim` a C header and
              marshalling source.

            """
    }
}
