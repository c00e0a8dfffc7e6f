import Foundation
import KidlTestSupport

/// Compiles generated Swift with `swiftc`, against the modules this test run has built (the runtime), so no
/// nested package has to build its dependencies again.
struct SwiftCompiler {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Folders searched for modules: the test build's `Modules`, then the given ones.
    var moduleSearchPaths: [URL] = [Paths.buildProducts.appendingPathComponent("Modules")]

    /// Type-checks and compiles `files` as module `name`, writing `name.swiftmodule` into `output`.
    /// Any warning fails (`-warnings-as-errors`). `defines` are `-D` conditions.
    func compileModule(_ name: String, files: [URL], output: URL, defines: [String] = []) async throws {
        var args = ["swiftc", "-parse-as-library", "-swift-version", "6", "-warnings-as-errors", "-module-name", name,
                    "-emit-module", "-emit-module-path", output.appendingPathComponent("\(name).swiftmodule").path,
                    "-wmo", "-c", "-o", output.appendingPathComponent("\(name).o").path]
        // The output folder first: modules compiled here win over the package's own targets of the same name.
        for path in [output] + moduleSearchPaths { args += ["-I", path.path] }
        for d in defines { args += ["-D", d] }
        args += files.map(\.path)
        try await run(args)
    }

    func run(_ args: [String]) async throws {
        let outcome = try await ChildProcess.run(args, mergingErrors: true)
        guard outcome.succeeded else { throw Failure(description: "swiftc failed (\(outcome.status)):\n" + outcome.output) }
    }
}
