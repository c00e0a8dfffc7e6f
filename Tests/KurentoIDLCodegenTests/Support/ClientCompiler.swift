import Foundation

/// Compiles generated client code with `swiftc` against the test build's modules. The client library imports
/// SwiftNIO (through HummingbirdWSClient), whose C modules the compiler must find: their module maps are
/// passed as SwiftPM passes them.
struct ClientCompiler {
    var compiler = SwiftCompiler()

    /// Type-checks and compiles `files` as module `name` (warnings are errors), writing `name.swiftmodule`
    /// into `output`.
    func compileModule(_ name: String, files: [URL], output: URL) async throws {
        var args = ["swiftc", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors", "-module-name", name,
                    "-emit-module", "-emit-module-path", output.appendingPathComponent("\(name).swiftmodule").path,
                    "-wmo", "-c", "-o", output.appendingPathComponent("\(name).o").path]
        // `output` first: the modules compiled there win over the package's own (KurentoPlatformClient).
        for path in [output] + compiler.moduleSearchPaths { args += ["-I", path.path] }
        for map in Self.clangModuleMaps() { args += ["-Xcc", "-fmodule-map-file=\(map.path)"] }
        args += files.map(\.path)
        try await compiler.run(args)
    }

    /// The module maps of the C targets of this build: generated ones beside the build products, and those
    /// the packages ship in `Sources/<target>/include`.
    static func clangModuleMaps() -> [URL] {
        let fm = FileManager.default
        let products = Paths.buildProducts
        var maps: [URL] = []
        for entry in (try? fm.contentsOfDirectory(atPath: products.path)) ?? [] where entry.hasSuffix(".build") {
            let map = products.appendingPathComponent(entry).appendingPathComponent("module.modulemap")
            if fm.fileExists(atPath: map.path) { maps.append(map) }
        }
        let checkouts = products.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("checkouts")
        for package in (try? fm.contentsOfDirectory(atPath: checkouts.path)) ?? [] {
            let sources = checkouts.appendingPathComponent(package).appendingPathComponent("Sources")
            for target in (try? fm.contentsOfDirectory(atPath: sources.path)) ?? [] {
                let map = sources.appendingPathComponent(target).appendingPathComponent("include/module.modulemap")
                if fm.fileExists(atPath: map.path) { maps.append(map) }
            }
        }
        return maps.sorted { $0.path < $1.path }
    }
}
