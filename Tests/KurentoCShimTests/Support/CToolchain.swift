import Foundation
import KidlTestSupport

/// The C compilers, json-c and valgrind, as the tests use them: generated code must compile warning-free
/// with `-std=c11 -Wall -Wextra -Werror -pedantic` under gcc and clang.
enum CToolchain {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let strictFlags = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic"]

    /// A program on PATH, or nil.
    static func which(_ name: String) -> String? {
        let output = try? run(["/bin/sh", "-c", "command -v \(name)"])
        let path = output?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return path.isEmpty ? nil : path
    }

    static let gcc = which("gcc")
    static let clang = which("clang")
    static let valgrind = which("valgrind")
    static let cxx = which("g++")

    /// The compilers found, by name.
    static var compilers: [String] { [gcc, clang].compactMap { $0 } }

    /// `pkg-config --cflags --libs json-c`, split; nil when json-c (libjson-c-dev) is not installed.
    static let jsonC: (cflags: [String], libs: [String])? = {
        guard which("pkg-config") != nil,
              let cflags = try? run(["pkg-config", "--cflags", "json-c"]),
              let libs = try? run(["pkg-config", "--libs", "json-c"]) else { return nil }
        func split(_ s: String) -> [String] { s.split(whereSeparator: \.isWhitespace).map(String.init) }
        return (split(cflags), split(libs))
    }()

    static var hasJSONC: Bool { jsonC != nil }
    static let missingJSONC = "json-c is not installed (apt-get install libjson-c-dev, or make setup): C shim sources are not compiled"

    /// Runs a program (with `input` on its standard input): its standard output, or a failure with everything
    /// it printed. Synchronous: the lazy statics above and the C builds use it, each run short.
    @discardableResult
    static func run(_ arguments: [String], input: String? = nil) throws -> String {
        let outcome = try ChildProcess.runWaiting(arguments, input: input)
        guard outcome.succeeded else {
            throw Failure(description: "\(arguments.joined(separator: " ")) failed (\(outcome.status)):\n\(outcome.stderr)\(outcome.stdout)")
        }
        return outcome.stdout
    }

    /// Compiles C sources to an object file (`-c`) or links them (`output` with `extra` such as `-shared`).
    static func compile(_ compiler: String, sources: [URL], includes: [URL] = [], output: URL? = nil, compileOnly: Bool = true,
                        extra: [String] = [], json: Bool = false) throws {
        var args = [compiler] + strictFlags + includes.map { "-I\($0.path)" }
        if json, let jsonC { args += jsonC.cflags }
        if compileOnly { args.append("-c") }
        args += sources.map(\.path)
        args += ["-o", output?.path ?? "/dev/null"]
        args += extra
        if json, !compileOnly, let jsonC { args += jsonC.libs }
        try run(args)
    }
}
