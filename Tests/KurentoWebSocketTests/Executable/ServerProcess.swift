import Foundation
import Synchronization
import Testing

/// The built `kidl-server`, found next to the test bundle (the build's products folder), as `KidlcBinary` finds
/// `kidlc`; `$KIDL_SERVER` overrides.
enum KidlServerBinary {
    static let url: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["KIDL_SERVER"], !env.isEmpty { return URL(fileURLWithPath: env) }
        var folders: [URL] = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        if let argument = CommandLine.arguments.first { folders.append(URL(fileURLWithPath: argument).deletingLastPathComponent()) }
        for folder in folders {
            let candidate = folder.appendingPathComponent("kidl-server")
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue, fm.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }()

    static var missingMessage: Comment {
        "kidl-server is not built next to the test bundle (\(Bundle.main.bundleURL.path)); run `swift build --product kidl-server` with the same scratch path first"
    }
}

/// A running `kidl-server` process with its output collected line by line.
final class ServerProcess: Sendable {
    private let process: Process
    /// Lines read so far from one of the process's outputs.
    private final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    private let stdoutLines = Lines()
    private let stderrLines = Lines()
    private let readers = DispatchGroup()

    init(arguments: [String]) throws {
        let process = Process()
        guard let binary = KidlServerBinary.url else { throw WireClient.Failure(description: "kidl-server is not built") }
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        self.process = process
        try process.run()
        Self.collect(out.fileHandleForReading, into: stdoutLines, group: readers)
        Self.collect(err.fileHandleForReading, into: stderrLines, group: readers)
    }

    /// Reads a pipe to its end on a Dispatch thread (blocking reads stay off Swift's cooperative threads).
    private static func collect(_ handle: FileHandle, into lines: Lines, group: DispatchGroup) {
        group.enter()
        DispatchQueue.global().async {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 10) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    lines.append(line)
                }
            }
            if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
            group.leave()
        }
    }

    var stdout: [String] { stdoutLines.all }
    var stderr: [String] { stderrLines.all }
    var isRunning: Bool { process.isRunning }
    var processIdentifier: Int32 { process.processIdentifier }

    /// The first stdout line satisfying `match`, waiting up to `limit`; nil if none came (or the process ended).
    /// The lines are looked at once more after the deadline: a test process whose cooperative threads were all
    /// busy (compiler runs on a 2-core machine) may only wake after it, with the line long there.
    func line(within limit: Duration = .seconds(60), where match: (String) -> Bool) async throws -> String? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let line = stdout.first(where: match) { return line }
            if !process.isRunning {
                try await Task.sleep(for: .milliseconds(50))
                return stdout.first(where: match)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return stdout.first(where: match)
    }

    /// Sends `signal` and waits up to `limit` for the process to end; returns its status, or nil if it did not end
    /// (it is then killed).
    func stop(signal: Int32 = SIGTERM, within limit: Duration = .seconds(15)) async throws -> Int32? {
        kill(process.processIdentifier, signal)
        return try await waitForExit(within: limit)
    }

    /// Waits for the process to end by itself.
    func waitForExit(within limit: Duration = .seconds(30)) async throws -> Int32? {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // Returns at once here; without it Foundation keeps the ended Process, and all it holds, to the end.
        process.waitUntilExit()
        readers.wait()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
