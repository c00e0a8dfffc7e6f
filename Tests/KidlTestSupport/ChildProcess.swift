import Foundation

/// Runs a program to its end and collects what it printed, for tests that compile (swiftc, cc), build nested
/// packages or run the project's executables.
///
/// The wait happens on a thread of its own, not on one of Swift's cooperative pool: that pool has as many
/// threads as cores (two on CI), and a compiler holding one for seconds starves the tests beside it that wait
/// for sockets and events.
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        /// Standard error; empty when it was merged into `stdout`.
        public var stderr: String

        public var succeeded: Bool { status == 0 }
        /// Both outputs, for a failure message.
        public var output: String { stdout + stderr }
    }

    /// Runs `arguments` (the first is the program, found on `PATH` unless `executable` is given) in `directory`,
    /// with `input` on standard input (nothing otherwise). Outputs go to files, so no pipe can fill up; with
    /// `mergingErrors` standard error goes to the same file as standard output, in the order they were written.
    public static func run(_ arguments: [String], executable: URL? = nil, in directory: URL? = nil, input: String? = nil,
                           mergingErrors: Bool = false) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try runWaiting(arguments, executable: executable, in: directory, input: input, mergingErrors: mergingErrors)
                })
            }.start()
        }
    }

    /// `run` in the calling thread, for quick runs from synchronous code (lazy statics, synchronous closures):
    /// it blocks that thread until the program ends.
    public static func runWaiting(_ arguments: [String], executable: URL? = nil, in directory: URL? = nil, input: String? = nil,
                                  mergingErrors: Bool = false) throws -> Outcome {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let process = Process()
        process.executableURL = executable ?? URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let input {
            process.standardInput = try FileHandle(forReadingFrom: files.make(containing: Data(input.utf8)))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let stdoutFile = try files.make(), stderrFile = mergingErrors ? stdoutFile : try files.make()
        let stdout = try FileHandle(forWritingTo: stdoutFile)
        let stderr = mergingErrors ? stdout : try FileHandle(forWritingTo: stderrFile)
        defer {
            try? stdout.close()
            if !mergingErrors { try? stderr.close() }
        }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: stdoutFile), as: UTF8.self),
                       stderr: mergingErrors ? "" : String(decoding: try Data(contentsOf: stderrFile), as: UTF8.self))
    }
}

/// Files in the temporary folder that live as long as one process run.
private final class TemporaryFiles {
    private var urls: [URL] = []

    func make(containing data: Data = Data()) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kidl-process-\(UUID().uuidString)")
        try data.write(to: url)
        urls.append(url)
        return url
    }

    func removeAll() {
        for url in urls { try? FileManager.default.removeItem(at: url) }
    }
}
